package cn.egov.projects.application.port.in;

import java.util.List;

/**
 * The deadlines that are the caller's to meet or to watch (RULES.md §5): a unit's staff those of their unit's
 * projects; the Bureau every project's it may see (escalations); Finance the final accounts (Art. 26). Earliest due
 * first.
 */
public interface MyDeadlinesUseCase {

    /** Overdue, due today, and due within {@code horizonDays} (1..400). */
    List<ToDo> myDeadlines(Caller caller, int horizonDays);

    /** Every open deadline past its day among the projects the caller may see (the Bureau's and Audit's list). */
    List<ToDo> overdue(Caller caller);
}
