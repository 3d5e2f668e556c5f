package cn.egov.projects.application.port.in;

/** Declare an off-window project (Art. 10). */
public interface DeclareSupplementaryUseCase {

    TransitionResult declareSupplementary(Caller caller, DeclareSupplementaryCommand command);
}
