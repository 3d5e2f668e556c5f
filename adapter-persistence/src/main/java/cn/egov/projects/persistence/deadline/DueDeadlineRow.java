package cn.egov.projects.persistence.deadline;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectState;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open {@code deadline} row with the columns of its project and of its two {@code project_person} rows (null
 * where the project has no accountable people yet).
 */
public record DueDeadlineRow(UUID id, UUID projectId, DeadlineKind kind, String ref, LocalDate startDate,
                             LocalDate dueDate, boolean provisional, String unit, String projectName,
                             boolean classified, ProjectState state, String policyId, String leaderName,
                             String leaderMobile, String leaderEmail, String responsibleName,
                             String responsibleMobile, String responsibleEmail) {
}
