package cn.egov.projects.application.port.in;

/** The Bureau starts the expert review (Art. 8). */
public interface StartReviewUseCase {

    TransitionResult startReview(Caller caller, StartReviewCommand command);
}
