package cn.egov.projects.application.port.in;

/** Request a change of goals or content (Art. 18). */
public interface RequestChangeUseCase {

    TransitionResult requestChange(Caller caller, RequestChangeCommand command);
}
