package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

/** The government's decision recorded by the Bureau (Art. 8, 10). */
public record RecordApprovalCommand(ProjectId projectId, Long expectedVersion, Money approvedBudget, String reference) implements ProjectCommand {

    public RecordApprovalCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        approvedBudget = Check.money(approvedBudget, "approvedBudget", "批复预算");
        reference = Check.text(reference, "reference", "审定文号", 200);
    }
}
