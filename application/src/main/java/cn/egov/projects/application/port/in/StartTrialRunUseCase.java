package cn.egov.projects.application.port.in;

/** Start the trial run (Art. 22). */
public interface StartTrialRunUseCase {

    TransitionResult startTrialRun(Caller caller, StartTrialRunCommand command);
}
