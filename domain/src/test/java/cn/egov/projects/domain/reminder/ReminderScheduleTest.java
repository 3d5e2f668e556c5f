package cn.egov.projects.domain.reminder;

import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.policy.PolicyPacks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.domain.reminder.Audience.BUREAU;
import static cn.egov.projects.domain.reminder.Audience.LEADER;
import static cn.egov.projects.domain.reminder.Audience.RESPONSIBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reminder days computed by hand on the official calendar (CALENDAR.md): 2025 National Day rest 10-01..10-08 with
 * 09-28 (Sun) and 10-11 (Sat) worked; 2026 Spring Festival rest 02-15..02-23 with 02-14 (Sat) and 02-28 (Sat) worked.
 */
class ReminderScheduleTest {

    private static final ReminderSchedule TAICANG = ReminderSchedule.of(PolicyPacks.taicang(),
            WorkingDayCalendar.official());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    @DisplayName("到期前提醒")
    class BeforeDue {

        @Test
        @DisplayName("普通工作日：到期前7、3、1日及当日各提醒一次")
        void ordinaryDays() {
            // due Thu 2025-11-20: 11-13 Thu, 11-17 Mon, 11-19 Wed, 11-20 Thu are all working days
            assertThat(TAICANG.beforeDue(DeadlineKind.CONTRACT_FILING, d("2025-11-01"), d("2025-11-20")))
                    .containsExactly(
                            new Reminder(d("2025-11-13"), 7, RESPONSIBLE),
                            new Reminder(d("2025-11-17"), 3, RESPONSIBLE),
                            new Reminder(d("2025-11-19"), 1, RESPONSIBLE),
                            new Reminder(d("2025-11-20"), 0, RESPONSIBLE));
        }

        @Test
        @DisplayName("国庆长假后到期：假期中的提醒提前到节前最后一个工作日，合并为一次")
        void goldenWeek2025() {
            // due Thu 2025-10-09; 7/3/1 days before = 10-02, 10-06, 10-08, all rest days → Tue 09-30
            assertThat(TAICANG.beforeDue(DeadlineKind.IMPL_PLAN, d("2025-09-01"), d("2025-10-09")))
                    .containsExactly(
                            new Reminder(d("2025-09-30"), 9, RESPONSIBLE),
                            new Reminder(d("2025-10-09"), 0, RESPONSIBLE));
        }

        @Test
        @DisplayName("周末提醒提前到周五；调休上班的周日照常提醒")
        void weekendsAndWorkedSunday() {
            // due Fri 2025-10-10: 7 before = 10-03 (rest) → 09-30; 3 before = Tue 10-07 (rest) → 09-30;
            // 1 before = Thu 10-09 (working)
            assertThat(TAICANG.beforeDue(DeadlineKind.CONTRACT_FILING, d("2025-09-20"), d("2025-10-10")))
                    .containsExactly(
                            new Reminder(d("2025-09-30"), 10, RESPONSIBLE),
                            new Reminder(d("2025-10-09"), 1, RESPONSIBLE),
                            new Reminder(d("2025-10-10"), 0, RESPONSIBLE));
            // due Wed 2025-10-01 is not a working day and cannot be a due day; take due Sun 2025-09-28 (worked):
            // 7 before = Sun 09-21 (rest) → Fri 09-19; 3 before = Thu 09-25; 1 before = Sat 09-27 (rest) → Fri 09-26
            assertThat(TAICANG.beforeDue(DeadlineKind.CONTRACT_FILING, d("2025-09-10"), d("2025-09-28")))
                    .containsExactly(
                            new Reminder(d("2025-09-19"), 9, RESPONSIBLE),
                            new Reminder(d("2025-09-25"), 3, RESPONSIBLE),
                            new Reminder(d("2025-09-26"), 2, RESPONSIBLE),
                            new Reminder(d("2025-09-28"), 0, RESPONSIBLE));
        }

        @Test
        @DisplayName("春节长假后到期：提醒提前到调休上班的2月14日（星期六）")
        void springFestival2026() {
            // due Tue 2026-02-24; 7/3/1 before = 02-17, 02-21, 02-23, rest → Sat 02-14 (worked)
            assertThat(TAICANG.beforeDue(DeadlineKind.FINAL_ACCOUNTS, d("2026-01-10"), d("2026-02-24")))
                    .containsExactly(
                            new Reminder(d("2026-02-14"), 10, RESPONSIBLE),
                            new Reminder(d("2026-02-24"), 0, RESPONSIBLE));
        }

        @Test
        @DisplayName("提醒不早于期限起算日")
        void neverBeforeTheStart() {
            // start Thu 2025-10-09, due Mon 2025-10-13: 7 before is before the start; 3 before = Fri 10-10;
            // 1 before = Sun 10-12 (rest) → Sat 10-11 (worked)
            assertThat(TAICANG.beforeDue(DeadlineKind.CONTRACT_FILING, d("2025-10-09"), d("2025-10-13")))
                    .containsExactly(
                            new Reminder(d("2025-10-10"), 3, RESPONSIBLE),
                            new Reminder(d("2025-10-11"), 2, RESPONSIBLE),
                            new Reminder(d("2025-10-13"), 0, RESPONSIBLE));
            // start in the holiday (10-03), due 10-09: the reminders that would move before the start fall on
            // the first working day instead, which is the due day
            assertThat(TAICANG.beforeDue(DeadlineKind.CONTRACT_FILING, d("2025-10-03"), d("2025-10-09")))
                    .containsExactly(new Reminder(d("2025-10-09"), 0, RESPONSIBLE));
        }
    }

    @Nested
    @DisplayName("逾期督办")
    class Overdue {

        @Test
        @DisplayName("到期次一工作日起向分管领导和大数据局督办，每7日重复，遇节假日顺延")
        void escalationsRepeatAcrossGoldenWeek() {
            // due Fri 2025-09-26; first escalation = Sun 09-28 (worked); then nominal 10-05 (rest) → Thu 10-09;
            // 10-12 (Sun) → Mon 10-13; 10-19 (Sun) → Mon 10-20
            assertThat(TAICANG.between(d("2025-09-27"), d("2025-10-20"), DeadlineKind.CONTRACT_FILING,
                    d("2025-09-10"), d("2025-09-26")))
                    .containsExactly(
                            new Reminder(d("2025-09-28"), -2, LEADER), new Reminder(d("2025-09-28"), -2, BUREAU),
                            new Reminder(d("2025-10-09"), -13, LEADER), new Reminder(d("2025-10-09"), -13, BUREAU),
                            new Reminder(d("2025-10-13"), -17, LEADER), new Reminder(d("2025-10-13"), -17, BUREAU),
                            new Reminder(d("2025-10-20"), -24, LEADER), new Reminder(d("2025-10-20"), -24, BUREAU));
            assertThat(TAICANG.firstEscalation(DeadlineKind.CONTRACT_FILING, d("2025-09-26")))
                    .extracting(Reminder::day).containsOnly(d("2025-09-28"));
        }

        @Test
        @DisplayName("逐日查询与区间查询一致")
        void onAgreesWithBetween() {
            LocalDate start = d("2025-08-01");
            LocalDate due = d("2025-09-26");
            List<Reminder> all = TAICANG.between(start, d("2026-03-31"), DeadlineKind.ACCEPTANCE_LIMIT, start, due);
            for (LocalDate day = start; !day.isAfter(d("2026-03-31")); day = day.plusDays(1)) {
                LocalDate current = day;
                assertThat(TAICANG.on(day, DeadlineKind.ACCEPTANCE_LIMIT, start, due))
                        .as("reminders on %s", day)
                        .containsExactlyElementsOf(all.stream().filter(r -> r.day().equals(current)).toList());
            }
            // nothing in the Spring Festival 2026 rest days, a repeat of the week lands after it
            assertThat(all).noneMatch(r -> WorkingDayCalendar.official().isRestDay(r.day()));
        }

        @Test
        @DisplayName("维保期届满和申报截止只提醒不督办")
        void reminderOnlyKindsDoNotEscalate() {
            assertThat(TAICANG.firstEscalation(DeadlineKind.WARRANTY_END, d("2025-09-26"))).isEmpty();
            assertThat(TAICANG.on(d("2025-09-28"), DeadlineKind.WINDOW_CLOSING, d("2025-07-01"), d("2025-09-26")))
                    .isEmpty();
            assertThat(TAICANG.on(d("2025-09-26"), DeadlineKind.WINDOW_CLOSING, d("2025-07-01"), d("2025-09-26")))
                    .containsExactly(new Reminder(d("2025-09-26"), 0, RESPONSIBLE));
        }

        @Test
        @DisplayName("其他城市的政策包：提前10、5、1日提醒，逾期每3日督办")
        void anotherPack() {
            ReminderSchedule other = new ReminderSchedule(List.of(10, 5, 1, 0), 3, WorkingDayCalendar.official());
            // due Mon 2025-11-24: 11-14 Fri, 11-19 Wed, 11-23 Sun → Fri 11-21, 11-24
            assertThat(other.beforeDue(DeadlineKind.IMPL_PLAN, d("2025-10-01"), d("2025-11-24")))
                    .extracting(Reminder::day)
                    .containsExactly(d("2025-11-14"), d("2025-11-19"), d("2025-11-21"), d("2025-11-24"));
            // first escalation Tue 11-25, then Fri 11-28, then 12-01 (Mon)
            assertThat(other.between(d("2025-11-25"), d("2025-12-01"), DeadlineKind.IMPL_PLAN, d("2025-10-01"),
                    d("2025-11-24"))).extracting(Reminder::day).containsExactly(d("2025-11-25"), d("2025-11-25"),
                    d("2025-11-28"), d("2025-11-28"), d("2025-12-01"), d("2025-12-01"));
            assertThat(other.maxOffsetDays()).isEqualTo(10);
        }

        @Test
        @DisplayName("偏移量不能为负，重复间隔至少1日")
        void invalidParameters() {
            assertThatThrownBy(() -> new ReminderSchedule(List.of(-1), 7, WorkingDayCalendar.official()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReminderSchedule(List.of(1), 0, WorkingDayCalendar.official()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("每日扫描只读可能有提醒的到期日")
    class DueDaysThatMatter {

        /**
         * Every pair (day, due) from 2025-09-01 to 2026-03-31 around the 2025 National Day and 2026 Spring Festival
         * holidays, every start from 40 days before the due day to the due day, both packs, an escalating and a
         * reminder-only kind: whenever {@code on} gives a reminder, {@code mayRemindOn} holds.
         */
        @Test
        @DisplayName("凡有提醒之日，其到期日必在扫描之列（国庆、春节前后逐日穷举，两个政策包）")
        void neverMissesADay() {
            ReminderSchedule example = ReminderSchedule.of(PolicyPacks.example(), WorkingDayCalendar.official());
            long pairs = 0;
            long reminded = 0;
            for (ReminderSchedule schedule : List.of(TAICANG, example)) {
                for (LocalDate day = d("2025-09-01"); !day.isAfter(d("2026-03-31")); day = day.plusDays(1)) {
                    for (LocalDate due = day.minusDays(120); !due.isAfter(day.plusDays(40)); due = due.plusDays(1)) {
                        boolean may = schedule.mayRemindOn(day, due);
                        pairs++;
                        for (DeadlineKind kind : List.of(DeadlineKind.IMPL_PLAN, DeadlineKind.WARRANTY_END)) {
                            for (int startBefore = 0; startBefore <= 40; startBefore++) {
                                if (!schedule.on(day, kind, due.minusDays(startBefore), due).isEmpty()) {
                                    reminded++;
                                    assertThat(may).as("%s due %s start %s on %s", kind, due,
                                            due.minusDays(startBefore), day).isTrue();
                                }
                            }
                        }
                    }
                }
            }
            assertThat(reminded).isPositive();
            assertThat(pairs).isGreaterThan(60_000);
        }

        @Test
        @DisplayName("普通工作日只读到期前各提醒日和逢督办日的逾期期限：约为全部逾期的七分之一")
        void selective() {
            LocalDate day = d("2025-11-19"); // Wednesday, working days all around
            List<LocalDate> ahead = d("2025-11-19").datesUntil(d("2025-12-31"))
                    .filter(due -> TAICANG.mayRemindOn(day, due)).toList();
            assertThat(ahead).containsExactly(d("2025-11-19"), d("2025-11-20"), d("2025-11-22"), d("2025-11-26"));
            long overdue = d("2025-01-01").datesUntil(day).filter(due -> TAICANG.mayRemindOn(day, due)).count();
            long all = d("2025-01-01").datesUntil(day).count();
            assertThat((double) overdue / all).isBetween(0.10, 0.20);
            assertThat(TAICANG.mayRemindOn(d("2025-11-22"), d("2025-11-25"))).as("a Saturday has no reminders").isFalse();
        }

        @Test
        @DisplayName("周五覆盖周末到期的前1日提醒和周一到期的前3日提醒")
        void fridayCoversTheWeekend() {
            LocalDate friday = d("2025-11-21");
            assertThat(d("2025-11-21").datesUntil(d("2025-12-05")).filter(due -> TAICANG.mayRemindOn(friday, due)))
                    .containsExactly(d("2025-11-21"), d("2025-11-22"), d("2025-11-23"), d("2025-11-24"),
                            d("2025-11-25"), d("2025-11-26"), d("2025-11-28"), d("2025-11-29"), d("2025-11-30"));
        }
    }
}
