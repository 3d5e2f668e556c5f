package cn.egov.projects.application.port.in;

/** Declare a draft in the yearly window (Art. 7). */
public interface DeclareProjectUseCase {

    TransitionResult declare(Caller caller, DeclareProjectCommand command);
}
