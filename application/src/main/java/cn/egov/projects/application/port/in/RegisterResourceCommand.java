package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceDescription;

/**
 * Registers a resource in a project's catalogue (Art. 23).
 *
 * @param expectedVersion the catalogue's version the person saw, or null not to check
 */
public record RegisterResourceCommand(ProjectId projectId, ResourceDescription content, Long expectedVersion) {

    public RegisterResourceCommand {
        projectId = Check.project(projectId);
        Check.required(content, "content", "资源内容");
    }
}
