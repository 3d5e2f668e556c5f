package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/** Finds the projects that have open deadlines whose due days were computed provisionally. */
public interface ProvisionalDeadlinesPort {

    List<ProjectId> projectsWithOpenProvisionalDeadlines();
}
