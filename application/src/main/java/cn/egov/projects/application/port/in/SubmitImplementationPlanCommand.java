package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/** The unit submits its implementation plan and schedule (Art. 13). */
public record SubmitImplementationPlanCommand(ProjectId projectId, Long expectedVersion, List<String> scopeItems, Money budget, String schedule) implements ProjectCommand {

    public SubmitImplementationPlanCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        scopeItems = Check.items(scopeItems, "scopeItems", "建设内容", 200);
        budget = Check.money(budget, "budget", "实施方案预算");
        schedule = Check.text(schedule, "schedule", "进度计划", 20000);
    }
}
