package cn.egov.projects.application.port.in;

/** Replace a draft's content. */
public interface EditDraftUseCase {

    TransitionResult editDraft(Caller caller, EditDraftCommand command);
}
