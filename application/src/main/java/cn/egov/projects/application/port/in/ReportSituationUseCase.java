package cn.egov.projects.application.port.in;

/** File a delay, suspension or termination report (Art. 17). */
public interface ReportSituationUseCase {

    TransitionResult reportSituation(Caller caller, ReportSituationCommand command);
}
