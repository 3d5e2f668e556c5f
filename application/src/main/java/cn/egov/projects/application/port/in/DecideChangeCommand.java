package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

import java.util.UUID;

/** The Bureau approves or refuses a pending change (Art. 18). */
public record DecideChangeCommand(ProjectId projectId, Long expectedVersion, UUID changeId, boolean approved, String opinion) implements ProjectCommand {

    public DecideChangeCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        changeId = Check.required(changeId, "changeId", "变更申请编号");
        opinion = Check.text(opinion, "opinion", "审批意见", 5000);
    }
}
