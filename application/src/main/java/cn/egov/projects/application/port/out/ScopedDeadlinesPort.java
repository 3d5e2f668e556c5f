package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.deadline.DeadlineKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The open deadlines (neither met nor waived) of the projects within a scope, due on or before a day, earliest
 * first: what a person's to-do list, calendar feed and the overdue list are made of.
 */
public interface ScopedDeadlinesPort {

    /**
     * @param kinds only these kinds, or every kind when empty
     * @param limit at most this many (1..10,000)
     */
    List<DueDeadline> openDeadlines(ProjectListScope scope, Set<DeadlineKind> kinds, LocalDate dueOnOrBefore,
                                    int limit);
}
