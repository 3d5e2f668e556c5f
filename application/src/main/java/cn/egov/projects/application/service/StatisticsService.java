package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.StatisticsUseCase;
import cn.egov.projects.application.port.out.StatisticsPort;
import cn.egov.projects.application.view.Statistics;
import cn.egov.projects.domain.access.Action;

import java.util.Objects;

/**
 * The figures behind the charts, within the caller's scope: everyone who may read projects gets the figures of the
 * projects they may read — a unit its own, the Bureau, Finance and Audit every declared project, a classified one
 * only inside their 知悉范围 (Art. 27).
 */
public final class StatisticsService implements StatisticsUseCase {

    private final Lifecycle lifecycle;
    private final StatisticsPort statistics;

    public StatisticsService(Ports ports, StatisticsPort statistics) {
        this.lifecycle = new Lifecycle(ports);
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    @Override
    public Statistics statistics(Caller caller) {
        lifecycle.requireRole(caller, Action.VIEW_PROJECT);
        return lifecycle.ports().tx().inTransaction(() -> statistics.count(lifecycle.today(),
                ProjectQueryService.scopeOf(caller.actor())));
    }
}
