package cn.egov.projects.application.port.in;

/** The Bureau adds an approved off-window project to the plan (Art. 10). */
public interface AddToPlanUseCase {

    TransitionResult addToPlan(Caller caller, AddToPlanCommand command);
}
