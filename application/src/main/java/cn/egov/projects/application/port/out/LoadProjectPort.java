package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;

import java.util.Optional;

/** Loads a whole project aggregate, with its current version. */
public interface LoadProjectPort {

    Optional<Project> load(ProjectId id);
}
