package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

/** The final accounts filed with Finance (Art. 26). */
public record FileFinalAccountsCommand(ProjectId projectId, Long expectedVersion, Money amount) implements ProjectCommand {

    public FileFinalAccountsCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        amount = Check.money(amount, "amount", "决算金额");
    }
}
