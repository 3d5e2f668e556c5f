package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The Bureau's review before procurement (Art. 13). */
public record PreProcurementReviewCommand(ProjectId projectId, Long expectedVersion, boolean passed, String opinion) implements ProjectCommand {

    public PreProcurementReviewCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        opinion = Check.text(opinion, "opinion", "评审意见", 5000);
    }
}
