package cn.egov.projects.application.port.in;

/** The Bureau records the government's decision (Art. 8, 10). */
public interface RecordApprovalUseCase {

    TransitionResult recordApproval(Caller caller, RecordApprovalCommand command);
}
