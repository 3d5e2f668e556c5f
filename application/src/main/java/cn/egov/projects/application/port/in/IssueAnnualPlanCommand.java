package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.project.ProjectId;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** The Bureau issues the annual plan as one act with the funded projects it names (Art. 9). */
public record IssueAnnualPlanCommand(int planYear, String reference, List<ProjectId> projects) {

    public IssueAnnualPlanCommand {
        if (planYear < 2000 || planYear > 2100) {
            throw new InvalidCommandException("planYear", "计划年度不正确");
        }
        reference = Check.text(reference, "reference", "计划文号", 200);
        if (projects == null || projects.isEmpty()) {
            throw new InvalidCommandException("projects", "请选择列入计划的项目");
        }
        if (projects.stream().anyMatch(Objects::isNull)) {
            throw new InvalidCommandException("projects", "项目编号不能为空");
        }
        projects = List.copyOf(new LinkedHashSet<>(projects));
    }
}
