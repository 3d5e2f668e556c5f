package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.Statistics;

/**
 * The figures behind the charts (RULES.md §5; Art. 4: the Bureau's oversight, a unit's own figures): counted today,
 * within the caller's scope.
 */
public interface StatisticsUseCase {

    Statistics statistics(Caller caller);
}
