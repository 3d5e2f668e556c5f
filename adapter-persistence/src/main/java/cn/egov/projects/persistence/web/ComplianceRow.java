package cn.egov.projects.persistence.web;

/** One unit's compliance counts. */
public record ComplianceRow(String unit, long projects, Long metOnTime, Long metLate, Long overdue,
                            long art17Flagged) {
}
