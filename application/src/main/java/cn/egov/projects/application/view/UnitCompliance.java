package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.UnitId;

/**
 * How a unit keeps its statutory deadlines (RULES.md §5): of the deadlines that have fallen due, how many were met on
 * time, met late, or are still open past their day; and how many of its projects are flagged under Art. 17 (no
 * substantive start within a year of plan inclusion).
 */
public record UnitCompliance(UnitId unit, long projects, long metOnTime, long metLate, long overdue,
                             long art17Flagged) {

    /** Deadlines that have fallen due and were not waived. */
    public long fallenDue() {
        return metOnTime + metLate + overdue;
    }

    /** The share of fallen-due deadlines met on time, 0..1; 1 when none has fallen due. */
    public double onTimeShare() {
        long due = fallenDue();
        return due == 0 ? 1.0 : (double) metOnTime / due;
    }
}
