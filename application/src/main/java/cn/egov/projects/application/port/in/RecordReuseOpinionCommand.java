package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ReuseOpinion;
import cn.egov.projects.domain.resource.ReuseVerdict;

import java.util.List;
import java.util.UUID;

/**
 * The Bureau's opinion on reuse and duplicate construction of a declared project (Art. 1, 6).
 *
 * @param similar the projects, or resources of projects' catalogues, found alike; their names are taken as they
 *                stand when the opinion is given
 */
public record RecordReuseOpinionCommand(ProjectId projectId, ReuseVerdict verdict, String comment,
                                        List<Similar> similar) {

    /** A project ({@code resourceId} null), or a resource of its catalogue. */
    public record Similar(ProjectId projectId, UUID resourceId) {
    }

    public RecordReuseOpinionCommand {
        projectId = Check.project(projectId);
        Check.required(verdict, "verdict", "审查结论");
        similar = similar == null ? List.of() : List.copyOf(similar);
        if (similar.size() > ReuseOpinion.MAX_SIMILAR) {
            throw new InvalidCommandException("similar", "列明的相似项目和资源不能超过" + ReuseOpinion.MAX_SIMILAR + "项");
        }
        for (int i = 0; i < similar.size(); i++) {
            if (similar.get(i) == null || similar.get(i).projectId() == null) {
                throw new InvalidCommandException("similar[" + i + "].projectId", "相似项目的编号不能为空");
            }
        }
    }
}
