package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

/** Finance records the recovery of a terminated project's funds (Art. 17). */
public record RecordFundRecoveryCommand(ProjectId projectId, Long expectedVersion, Money amount) implements ProjectCommand {

    public RecordFundRecoveryCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        amount = Check.money(amount, "amount", "收回资金");
    }
}
