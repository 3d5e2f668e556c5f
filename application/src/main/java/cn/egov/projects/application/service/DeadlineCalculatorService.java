package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.ComputeDeadlineQuery;
import cn.egov.projects.application.port.in.ComputeDeadlineUseCase;
import cn.egov.projects.application.port.out.CalendarPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.deadline.Calculation;
import cn.egov.projects.domain.deadline.DeadlineCalculator;

/**
 * The public deadline calculator: the policy pack in force today and the official calendar (with any year an
 * operator has loaded) answer when a deadline falls due.
 */
public final class DeadlineCalculatorService implements ComputeDeadlineUseCase {

    private final PolicyPort policies;
    private final CalendarPort calendar;
    private final ClockPort clock;

    public DeadlineCalculatorService(PolicyPort policies, CalendarPort calendar, ClockPort clock) {
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Calculation compute(ComputeDeadlineQuery query) {
        var pack = policies.policies().inForceOn(clock.today());
        return new DeadlineCalculator(pack, new PeriodArithmetic(calendar.calendar()))
                .compute(query.kind(), query.start(), query.softwareDevelopment());
    }
}
