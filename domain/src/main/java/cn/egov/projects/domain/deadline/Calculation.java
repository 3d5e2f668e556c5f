package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.calendar.Term;

import java.time.LocalDate;

/**
 * The answer of the deadline calculator.
 *
 * @param due         the last day to act, or for {@link CalculationKind#EARLIEST_ACCEPTANCE} the first day allowed
 * @param provisional computed Monday–Friday over a year whose official calendar is not held
 * @param article     e.g. "第十四条"
 */
public record Calculation(CalculationKind kind, LocalDate start, LocalDate due, boolean provisional, String article,
                          Term term) {
}
