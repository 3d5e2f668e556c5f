package cn.egov.projects.application.port.in;

/** The Bureau's review before procurement (Art. 13). */
public interface PreProcurementReviewUseCase {

    TransitionResult reviewBeforeProcurement(Caller caller, PreProcurementReviewCommand command);
}
