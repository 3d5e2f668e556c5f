package cn.egov.projects.application.port.in;

/** The Bureau waives a deadline with a reason. */
public interface WaiveDeadlineUseCase {

    TransitionResult waiveDeadline(Caller caller, WaiveDeadlineCommand command);
}
