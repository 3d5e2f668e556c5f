package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/** The Bureau records the expert review opinion (Art. 8, 10). */
public record RecordReviewCommand(ProjectId projectId, Long expectedVersion, boolean approved, List<String> experts, String opinion) implements ProjectCommand {

    public RecordReviewCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        experts = Check.items(experts, "experts", "评审专家", 50);
        opinion = Check.text(opinion, "opinion", "评审意见", 5000);
    }
}
