package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceDescription;

import java.util.UUID;

/**
 * Rewrites what a project's catalogue says of one of its resources (Art. 23).
 *
 * @param expectedVersion the catalogue's version the person saw, or null not to check
 */
public record ReviseResourceCommand(ProjectId projectId, UUID resourceId, ResourceDescription content,
                                    Long expectedVersion) {

    public ReviseResourceCommand {
        projectId = Check.project(projectId);
        Check.required(resourceId, "resourceId", "资源编号");
        Check.required(content, "content", "资源内容");
    }
}
