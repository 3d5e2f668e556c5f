package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.SecurityReview;

/** The cybersecurity or crypto-application review (Art. 4). */
public record RecordSecurityReviewCommand(ProjectId projectId, Long expectedVersion, SecurityReview.Kind kind, boolean passed, String opinion) implements ProjectCommand {

    public RecordSecurityReviewCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        kind = Check.required(kind, "kind", "审查类型");
        opinion = Check.text(opinion, "opinion", "审查意见", 5000);
    }
}
