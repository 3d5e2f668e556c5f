package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.UnitId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The figures the charts show, counted on a day within a person's scope (a unit its own projects; a classified
 * project outside the person's 知悉范围 is not counted, Art. 27; nobody but its unit counts a draft): projects by
 * state, category and plan year with their budgets, how each unit kept its deadlines per year, and the deadlines
 * overdue today by kind.
 *
 * @param asOf          the day the figures were counted on
 * @param byState       projects per state (key: the state's name)
 * @param byCategory    projects and their total investment per category (key: the category's name)
 * @param byYear        projects and their total investment per plan year (key: the year)
 * @param deadlines     per unit and year of the due day, the deadlines met (on time or late) and those still open
 *                      past their day — the same counts as the compliance dashboard's, by year
 * @param overdueByKind the deadlines open past their day, per kind (key: the deadline kind's name)
 */
public record Statistics(LocalDate asOf, List<Tally> byState, List<Tally> byCategory, List<Tally> byYear,
                         List<UnitYear> deadlines, List<Tally> overdueByKind) {

    public Statistics {
        Objects.requireNonNull(asOf, "asOf");
        byState = List.copyOf(byState);
        byCategory = List.copyOf(byCategory);
        byYear = List.copyOf(byYear);
        deadlines = List.copyOf(deadlines);
        overdueByKind = List.copyOf(overdueByKind);
    }

    /** How many of something, and their total investment where it has one (else zero). */
    public record Tally(String key, long count, BigDecimal budget) {
        public Tally {
            Objects.requireNonNull(key, "key");
            budget = budget == null ? BigDecimal.ZERO : budget;
        }
    }

    /** One unit's deadlines that fell due in one year (by the due day), by how they were kept. */
    public record UnitYear(UnitId unit, int year, long metOnTime, long metLate, long overdue) {

        public long fallenDue() {
            return metOnTime + metLate + overdue;
        }
    }
}
