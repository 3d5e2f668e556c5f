package cn.egov.projects.persistence.web;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectState;

import java.time.LocalDate;
import java.util.UUID;

/** An open {@code deadline} row with its project's columns and its two accountable people (null when none). */
public record ScopedDeadlineRow(UUID id, UUID projectId, DeadlineKind kind, String ref, LocalDate startDate,
                                LocalDate dueDate, boolean provisional, String unit, String projectName,
                                boolean classified, ProjectState state, String policyId, String leaderName,
                                String leaderMobile, String leaderEmail, String responsibleName,
                                String responsibleMobile, String responsibleEmail) {
}
