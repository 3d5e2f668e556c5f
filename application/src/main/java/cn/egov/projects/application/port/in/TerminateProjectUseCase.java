package cn.egov.projects.application.port.in;

/** The Bureau terminates a project (Art. 17). */
public interface TerminateProjectUseCase {

    TransitionResult terminate(Caller caller, TerminateProjectCommand command);
}
