package cn.egov.projects.persistence.web;

/** One unit's deadlines fallen due in one year, by how they were kept. */
public record UnitYearRow(String unit, int dueYear, Long metOnTime, Long metLate, Long overdue) {
}
