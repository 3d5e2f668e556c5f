package cn.egov.projects.domain.project;

import java.time.LocalDate;

/** A progress report to the Bureau (Art. 16). */
public record ProgressReport(LocalDate on, int percentComplete, String summary) {
}
