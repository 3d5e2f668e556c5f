package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

/** Finance's funding opinion (Art. 8). */
public record ProposeFundingCommand(ProjectId projectId, Long expectedVersion, Money amount, String opinion) implements ProjectCommand {

    public ProposeFundingCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        amount = Check.money(amount, "amount", "安排资金");
        opinion = Check.text(opinion, "opinion", "资金安排意见", 5000);
    }
}
