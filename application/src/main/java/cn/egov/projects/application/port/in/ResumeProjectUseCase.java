package cn.egov.projects.application.port.in;

/** Resume a suspended project (Art. 17). */
public interface ResumeProjectUseCase {

    TransitionResult resume(Caller caller, ResumeProjectCommand command);
}
