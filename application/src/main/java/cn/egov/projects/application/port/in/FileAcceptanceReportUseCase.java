package cn.egov.projects.application.port.in;

/** File the acceptance report (Art. 25). */
public interface FileAcceptanceReportUseCase {

    TransitionResult fileAcceptanceReport(Caller caller, FileAcceptanceReportCommand command);
}
