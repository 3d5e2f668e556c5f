package cn.egov.projects.application.view;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;

/**
 * An open deadline with what a reminder or a to-do list needs of its project: the project's name (never shown
 * for a classified project outside the system, Art. 27), its unit, state, pack, and its accountable people
 * (Art. 19; null while a draft has none).
 */
public record DueDeadline(Deadline deadline, ProjectId projectId, UnitId unit, String projectName, boolean classified,
                          ProjectState state, String policyId, Person leader, Person responsible) {
}
