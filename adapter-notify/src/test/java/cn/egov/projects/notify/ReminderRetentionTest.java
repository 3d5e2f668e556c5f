package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.EmailSender;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's retention, on H2 and on PostgreSQL: settled reminders older than the retention are forgotten in
 * batches; pending ones, recent ones and those of the days a pass may still plan are kept, so that nothing kept from
 * going out twice goes out twice.
 */
class ReminderRetentionTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 10, 13);
    private static final EmailSender MAIL = e -> { };

    private static Harness harness(String database) {
        Supplier<Harness> open = database.equals("postgres") ? Harness::postgres : Harness::h2;
        return open.get();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ClockPort.ZONE).toInstant();
    }

    private static PlannedReminder reminder(String who, LocalDate day) {
        return Reminders.planned(who, who + "@keep.test", null, "项目", DeadlineKind.CONTRACT_FILING, day,
                day.plusDays(3));
    }

    private static void set(Harness harness, String sql, String recipient, Instant at) {
        try (Connection c = harness.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(2, Harness.index(recipient + "@keep.test"));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sent(Harness harness, String recipient, LocalDate day) {
        set(harness, "UPDATE reminder SET sent_at = ? WHERE recipient_index = ?", recipient, at(day));
    }

    private static void cancelled(Harness harness, String recipient, LocalDate day) {
        set(harness, "UPDATE reminder SET cancelled_at = ? WHERE recipient_index = ?", recipient, at(day));
    }

    private static List<String> kept(Harness harness) {
        List<String> kept = new ArrayList<>();
        try (Connection c = harness.db.dataSource().getConnection();
             var rs = c.createStatement().executeQuery(
                     "SELECT deadline_id, offset_days, channel, recipient_index, recipient FROM reminder")) {
            while (rs.next()) {
                // the address is encrypted at rest: decrypted as the engine does
                kept.add(Harness.RECIPIENTS.openReminder(rs.getObject(1, java.util.UUID.class), rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)).replace("@keep.test", ""));
            }
            kept.sort(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return kept;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    @DisplayName("保留两年：只清理两年前已发送、已取消或已列入发送失败记录的提醒，分批进行；未发送的和较新的保留，清理后不会重发")
    void prunesSettledRemindersPastTheRetention(String database) {
        try (Harness harness = harness(database)) {
            SettableClock clock = new SettableClock();
            clock.set(at(TODAY));
            ReminderEngine engine = harness.engine(ReminderSettings.defaults(), clock::now, new NoPlanner(), MAIL,
                    null, harness.db);
            ReminderLedger ledger = new ReminderLedger(harness.db.dataSource(), Harness.RECIPIENTS);
            LocalDate old = TODAY.minusYears(2).minusDays(1);
            LocalDate edge = TODAY.minusYears(2);
            List<PlannedReminder> plan = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                plan.add(reminder("old-sent-" + i, old.minusDays(i)));
            }
            plan.add(reminder("old-pending", old));
            plan.add(reminder("old-cancelled", old));
            plan.add(reminder("old-dead", old));
            plan.add(reminder("edge-sent", edge));
            plan.add(reminder("recent-sent", TODAY.minusDays(12)));
            plan.add(reminder("recent-dead", TODAY.minusDays(12)));
            assertThat(engine.enqueue(plan)).isEqualTo(plan.size());
            for (int i = 0; i < 7; i++) {
                sent(harness, "old-sent-" + i, old.minusDays(i));
            }
            cancelled(harness, "old-cancelled", old);
            sent(harness, "edge-sent", edge);
            sent(harness, "recent-sent", TODAY.minusDays(12));
            ledger.deadLetter(DigestKey.digest(Channel.EMAIL, Harness.index("old-dead@keep.test"), old),
                    "old-dead@keep.test", 8, "refused", at(old));
            ledger.deadLetter(DigestKey.digest(Channel.EMAIL, Harness.index("recent-dead@keep.test"),
                    TODAY.minusDays(12)), "recent-dead@keep.test", 8, "refused", at(TODAY.minusDays(12)));
            ledger.recordPasses(List.of(new ReminderLedger.Pass(old, ReminderLedger.Outcome.ON_TIME, 1),
                    new ReminderLedger.Pass(TODAY.minusDays(1), ReminderLedger.Outcome.ON_TIME, 1)), at(TODAY));

            // batches of 3: 7 + 1 + 1 settled reminders of the days before 2025-10-13 take 4 statements
            assertThat(engine.pruneBefore(TODAY)).isEqualTo(edge);
            assertThat(engine.prune(TODAY, 3)).isEqualTo(9);

            assertThat(kept(harness)).containsExactly("edge-sent", "old-pending", "recent-dead", "recent-sent");
            assertThat(harness.count("SELECT COUNT(*) FROM reminder_dead_letter")).isEqualTo(1);
            assertThat(engine.list(10)).extracting(d -> d.recipient()).containsExactly("recent-dead@keep.test");
            assertThat(engine.passes(old)).extracting(ReminderLedger.Pass::day).containsExactly(TODAY.minusDays(1));
            // what is kept still keeps its reminders from being planned twice
            assertThat(engine.enqueue(List.of(plan.get(7), plan.get(10), plan.get(11), plan.get(12)))).isZero();
            // and a second run finds nothing more
            assertThat(engine.prune(TODAY, 3)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    @DisplayName("保留期短于补发期和补漏期时，仍保留补发期内的记录")
    void neverWithinTheDaysAPassMayStillPlan(String database) {
        try (Harness harness = harness(database)) {
            SettableClock clock = new SettableClock();
            clock.set(at(TODAY));
            ReminderEngine engine = harness.engine(ReminderSettings.defaults().withLedger(31, Period.ofDays(30)),
                    clock::now, new NoPlanner(), MAIL, null, harness.db);
            // 31 days of catch-up and 14 of sweep: nothing of the last 46 days is forgotten
            assertThat(engine.pruneBefore(TODAY)).isEqualTo(TODAY.minusDays(46));
            engine.enqueue(List.of(reminder("d40", TODAY.minusDays(40)), reminder("d46", TODAY.minusDays(46)),
                    reminder("d47", TODAY.minusDays(47))));
            sent(harness, "d40", TODAY.minusDays(40));
            sent(harness, "d46", TODAY.minusDays(46));
            sent(harness, "d47", TODAY.minusDays(47));

            assertThat(engine.prune(TODAY)).isEqualTo(1);
            assertThat(kept(harness)).containsExactly("d40", "d46");
        }
    }

    @Test
    @DisplayName("清理任务每天03:30在后台运行")
    void runsDailyAtAQuietHour() {
        try (Harness harness = Harness.h2()) {
            SettableClock clock = new SettableClock();
            clock.set(LocalDateTime.of(2027, 10, 13, 10, 0).atZone(ClockPort.ZONE).toInstant());
            ReminderEngine engine = harness.engine(ReminderSettings.defaults(), clock::now, new NoPlanner(), MAIL,
                    null, harness.db);
            engine.enqueue(List.of(reminder("old", LocalDate.of(2025, 1, 6))));
            sent(harness, "old", LocalDate.of(2025, 1, 6));
            ManualScheduler scheduler = TestHelper.createManualScheduler(harness.db.dataSource(),
                    engine.messageTasks()).clock(clock).startTasks(engine.recurringTasks()).build();
            scheduler.start();
            assertThat(harness.count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'reminder-prune' "
                    + "AND execution_time = TIMESTAMP WITH TIME ZONE '2027-10-14 03:30:00+08'")).isEqualTo(1);

            clock.tick(Duration.ofHours(18));
            scheduler.runAnyDueExecutions();
            assertThat(harness.count("SELECT COUNT(*) FROM reminder")).isZero();
        }
    }
}
