package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

import java.util.UUID;

/**
 * Takes a resource out of a project's catalogue (Art. 23).
 *
 * @param expectedVersion the catalogue's version the person saw, or null not to check
 */
public record RemoveResourceCommand(ProjectId projectId, UUID resourceId, Long expectedVersion) {

    public RemoveResourceCommand {
        projectId = Check.project(projectId);
        Check.required(resourceId, "resourceId", "资源编号");
    }
}
