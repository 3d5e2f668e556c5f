package cn.egov.projects.application.port.in;

/** Record the cybersecurity or crypto review (Art. 4). */
public interface RecordSecurityReviewUseCase {

    TransitionResult recordSecurityReview(Caller caller, RecordSecurityReviewCommand command);
}
