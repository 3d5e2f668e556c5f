package cn.egov.projects.domain.project;

import cn.egov.projects.domain.calendar.CalendarText;
import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.egov.projects.domain.project.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

class ProvisionalRecomputationTest {

    @Test
    @DisplayName("载入2027年安排后，暂定的到期日按官方日历重新计算，不再标记为暂定")
    void provisionalDeadlinesAreComputedAgainOnceTheYearIsHeld() {
        Journey j = Journey.of(Fixtures.profile().planYear(2027).build(), PolicyPacks.taicang()).approved();
        // plan issued on Thursday 2026-12-31: the implementation plan is due 2027-01-31, a Sunday → provisionally
        // Monday 2027-02-01 under the Monday–Friday rule
        Journey.ok(j.project.includeInPlan(new PlanInclusion(d("2026-12-31"), 2027, false, "计划"), j.calc));
        Deadline before = j.deadline(DeadlineKind.IMPL_PLAN);
        assertThat(before.due()).isEqualTo(d("2027-02-01"));
        assertThat(before.provisional()).isTrue();

        // an arrangement for 2027 (test data) that makes 2027-02-01 a rest day and 2027-02-06 (Saturday) a working day
        WorkingDayCalendar with2027 = WorkingDayCalendar.official().withYears(CalendarText.parse("""
                year 2027 notice test-2027
                rest 2027-01-01..2027-01-03
                rest 2027-02-01..2027-02-05
                work 2027-02-06
                """));
        DeadlineCalculator calc = new DeadlineCalculator(PolicyPacks.taicang(), new PeriodArithmetic(with2027));

        List<Deadline> changed = j.project.recomputeProvisionalDeadlines(calc);

        Deadline after = j.deadline(DeadlineKind.IMPL_PLAN);
        assertThat(after.due()).isEqualTo(d("2027-02-06"));
        assertThat(after.provisional()).isFalse();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(changed).extracting(Deadline::kind).contains(DeadlineKind.IMPL_PLAN);
        assertThat(j.project.recomputeProvisionalDeadlines(calc)).isEmpty();
    }
}
