package cn.egov.projects.application.port.in;

/** Submit the implementation plan (Art. 13). */
public interface SubmitImplementationPlanUseCase {

    TransitionResult submitImplementationPlan(Caller caller, SubmitImplementationPlanCommand command);
}
