package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.deadline.Calculation;

/** The public deadline calculator over the policy pack in force and the official calendar. */
public interface ComputeDeadlineUseCase {

    Calculation compute(ComputeDeadlineQuery query);
}
