package cn.egov.projects.application.port.in;

/**
 * Once an operator has loaded a year's official arrangement, the due days computed provisionally for that year
 * are computed again. Run by the system at start-up and whenever the calendar changes.
 */
public interface RecomputeProvisionalDeadlinesUseCase {

    /** @return how many deadlines got a new due day or lost their provisional mark */
    int recomputeProvisionalDeadlines();
}
