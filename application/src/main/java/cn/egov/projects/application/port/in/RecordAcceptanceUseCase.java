package cn.egov.projects.application.port.in;

/** Record the expert acceptance (Art. 24). */
public interface RecordAcceptanceUseCase {

    TransitionResult recordAcceptance(Caller caller, RecordAcceptanceCommand command);
}
