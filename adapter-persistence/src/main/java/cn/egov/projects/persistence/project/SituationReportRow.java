package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.project.SituationReport;

import java.time.LocalDate;
import java.util.UUID;

/** A {@code project_situation_report} row. */
public record SituationReportRow(UUID projectId, int seq, LocalDate reportedOn, SituationReport.Kind kind,
                                 String reason, boolean toBureau, boolean toFinance) {
}
