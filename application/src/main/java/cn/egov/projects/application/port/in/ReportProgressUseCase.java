package cn.egov.projects.application.port.in;

/** Report progress (Art. 16). */
public interface ReportProgressUseCase {

    TransitionResult reportProgress(Caller caller, ReportProgressCommand command);
}
