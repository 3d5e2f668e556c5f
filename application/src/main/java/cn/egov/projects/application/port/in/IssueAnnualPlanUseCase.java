package cn.egov.projects.application.port.in;

import java.util.List;

/** The Bureau issues the annual plan as one act (Art. 9). */
public interface IssueAnnualPlanUseCase {

    List<TransitionResult> issuePlan(Caller caller, IssueAnnualPlanCommand command);
}
