package cn.egov.projects.persistence.project;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_progress_report} row. */
public record ProgressReportRow(UUID projectId, int seq, LocalDate reportedOn, int percentComplete,
                                String summary) {
}
