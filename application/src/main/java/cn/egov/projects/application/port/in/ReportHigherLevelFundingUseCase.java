package cn.egov.projects.application.port.in;

/** Report a higher-level-funded project before implementation (Art. 11). */
public interface ReportHigherLevelFundingUseCase {

    TransitionResult reportHigherLevelFunding(Caller caller, ReportHigherLevelFundingCommand command);
}
