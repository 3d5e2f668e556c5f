package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/**
 * A command on one project. {@code expectedVersion}, when given, is the version the person saw: if the project
 * changed since, the command is not applied (optimistic locking).
 */
public interface ProjectCommand {

    ProjectId projectId();

    Long expectedVersion();
}
