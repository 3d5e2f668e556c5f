package cn.egov.projects.notify;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Objects;

/**
 * How the reminder engine behaves: the hour a day's reminders go out, the SMS quiet hours, digests on or off, the
 * retry policy (attempts, exponential backoff from {@code retryBase} up to {@code retryMax}), the link base of the
 * messages, and the scheduler's polling, threads and heartbeat.
 *
 * @param baseUrl     the system's address as users reach it, e.g. {@code https://egov.taicang.gov.cn}
 * @param smsSign     the signature before an SMS text sent through an SMS centre, e.g. {@code 【太仓电子政务】}
 * @param planAt      the time of the daily planning pass (Asia/Shanghai)
 * @param sweepEvery  how often reminders left behind are rescheduled
 * @param catchUpDays how many days back the daily pass makes up the reminders of days missed while the system was
 *                    down (0: none); days missed before that are skipped, with a warning
 * @param retention   how long the ledger keeps a reminder after its day once it is sent, cancelled or given up
 * @param pruneAt     the time of the daily pruning of the ledger (Asia/Shanghai), a quiet hour
 */
public record ReminderSettings(LocalTime sendAt, QuietHours quietHours, boolean digest, int maxAttempts,
                               Duration retryBase, Duration retryMax, String baseUrl, String smsSign,
                               LocalTime planAt, Duration sweepEvery, int threads, Duration pollingInterval,
                               Duration heartbeat, String instanceName, int catchUpDays, Period retention,
                               LocalTime pruneAt) {

    /** The default catch-up window: a month of downtime is made up, a longer one only in its last 31 days. */
    public static final int DEFAULT_CATCH_UP_DAYS = 31;
    /** The default retention of the ledger: two years. */
    public static final Period DEFAULT_RETENTION = Period.ofYears(2);

    public ReminderSettings {
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(quietHours, "quietHours");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(retryBase, "retryBase");
        Objects.requireNonNull(retryMax, "retryMax");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        smsSign = smsSign == null ? "" : smsSign;
        Objects.requireNonNull(planAt, "planAt");
        Objects.requireNonNull(sweepEvery, "sweepEvery");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(pollingInterval, "pollingInterval");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (catchUpDays < 0) {
            throw new IllegalArgumentException("catchUpDays cannot be negative: " + catchUpDays);
        }
        Objects.requireNonNull(retention, "retention");
        LocalDate day = LocalDate.of(2000, 1, 1);
        if (!day.minus(retention).isBefore(day)) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        Objects.requireNonNull(pruneAt, "pruneAt");
    }

    /** The defaults of production: 08:00, quiet 21:00–08:00, digests on, 8 attempts from 1 minute up to 2 hours. */
    public static ReminderSettings defaults() {
        return new ReminderSettings(LocalTime.of(8, 0),
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), java.time.ZoneId.of("Asia/Shanghai")), true,
                8, Duration.ofMinutes(1), Duration.ofHours(2), "http://localhost:8080", "", LocalTime.of(0, 10),
                Duration.ofMinutes(10), 32, Duration.ofSeconds(10), Duration.ofSeconds(30), null, DEFAULT_CATCH_UP_DAYS,
                DEFAULT_RETENTION, LocalTime.of(3, 30));
    }

    public ReminderSettings withDigest(boolean on) {
        return new ReminderSettings(sendAt, quietHours, on, maxAttempts, retryBase, retryMax, baseUrl, smsSign, planAt,
                sweepEvery, threads, pollingInterval, heartbeat, instanceName, catchUpDays, retention, pruneAt);
    }

    public ReminderSettings withRetries(int attempts, Duration base, Duration max) {
        return new ReminderSettings(sendAt, quietHours, digest, attempts, base, max, baseUrl, smsSign, planAt,
                sweepEvery, threads, pollingInterval, heartbeat, instanceName, catchUpDays, retention, pruneAt);
    }

    public ReminderSettings withScheduler(int threadCount, Duration polling, Duration heartbeatInterval, String name) {
        return new ReminderSettings(sendAt, quietHours, digest, maxAttempts, retryBase, retryMax, baseUrl, smsSign,
                planAt, sweepEvery, threadCount, polling, heartbeatInterval, name, catchUpDays, retention, pruneAt);
    }

    public ReminderSettings withMessages(String url, String sign) {
        return new ReminderSettings(sendAt, quietHours, digest, maxAttempts, retryBase, retryMax, url, sign, planAt,
                sweepEvery, threads, pollingInterval, heartbeat, instanceName, catchUpDays, retention, pruneAt);
    }

    public ReminderSettings withTimes(LocalTime send, QuietHours quiet) {
        return new ReminderSettings(send, quiet, digest, maxAttempts, retryBase, retryMax, baseUrl, smsSign, planAt,
                sweepEvery, threads, pollingInterval, heartbeat, instanceName, catchUpDays, retention, pruneAt);
    }

    /** Makes up missed days back to {@code days} before today, and keeps settled reminders for {@code keep}. */
    public ReminderSettings withLedger(int days, Period keep) {
        return new ReminderSettings(sendAt, quietHours, digest, maxAttempts, retryBase, retryMax, baseUrl, smsSign,
                planAt, sweepEvery, threads, pollingInterval, heartbeat, instanceName, days, keep, pruneAt);
    }
}
