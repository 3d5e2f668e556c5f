package cn.egov.projects.application.port.in;

/** The Bureau decides a change request (Art. 18). */
public interface DecideChangeUseCase {

    TransitionResult decideChange(Caller caller, DecideChangeCommand command);
}
