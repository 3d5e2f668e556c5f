package cn.egov.projects.application.port.in;

/** The Bureau records the review opinion (Art. 8, 10). */
public interface RecordReviewUseCase {

    TransitionResult recordReview(Caller caller, RecordReviewCommand command);
}
