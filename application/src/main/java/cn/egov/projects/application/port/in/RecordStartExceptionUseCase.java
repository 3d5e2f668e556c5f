package cn.egov.projects.application.port.in;

/** The Bureau's reasoned exception to the start limit (Art. 17). */
public interface RecordStartExceptionUseCase {

    TransitionResult recordStartException(Caller caller, RecordStartExceptionCommand command);
}
