package cn.egov.projects.notify;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeliveryPreferencesPort;
import cn.egov.projects.application.port.out.InboxPort;
import cn.egov.projects.application.view.MeetingActions;
import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.domain.deadline.Deadline;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The message centre's store, beside the reminder ledger: each account's inbox ({@code inbox_message}, V28) and each
 * person's channels and quiet hours ({@code notification_preference}), over JDBC on the transaction-aware data source.
 *
 * <p>The reminder engine {@linkplain #deliver delivers} every planned reminder addressed to an account into its inbox
 * in the same call that writes the ledger rows, so inside a use case's transaction both commit or roll back together.
 * The unique key (account, deadline, offset) makes each land once, however many instances plan it and however often;
 * it is written whatever the person's external channels and quiet hours, and a planning interrupted between the
 * ledger and the inbox leaves it to the next planning, which writes it then.
 *
 * <p>The engine also asks here which external channels a person takes ({@link #preferencesOf}) and, as a message is
 * about to go out, whether its address is in its owner's quiet hours ({@link #deferredUntil}). The addresses of the
 * accounts are kept encrypted, so the quiet hours are looked up by address in a map of the few people who set them,
 * read again at most every {@link #QUIET_REFRESH} (at once on this instance after a change).
 */
public final class Inbox implements InboxPort, DeliveryPreferencesPort {

    /** How long the map of quiet hours by address is used before it is read again. */
    static final Duration QUIET_REFRESH = Duration.ofSeconds(60);

    private static final String COLUMNS = "id, kind, project_id, classified, due_date, remind_on, offset_days, title, "
            + "body, link, created_at, read_at, settled_as, settled_on";
    private static final int IN_CHUNK = 500;

    private final DataSource dataSource;
    private final ReminderMessages messages;
    private final Function<String, Optional<Account>> accounts;
    private final ClockPort clock;
    private volatile QuietMap quiet;

    /**
     * @param dataSource the transaction-aware data source: inside a use case's transaction, its connection
     * @param accounts   an account by user id (its addresses decrypted), for the quiet hours by address
     */
    public Inbox(DataSource dataSource, ReminderMessages messages, Function<String, Optional<Account>> accounts,
                 ClockPort clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------------------------------------ delivering

    /**
     * Writes the inbox message of each planned reminder addressed to an account, unless it is there already; returns
     * how many were new. Worded as on the reminder's day; with {@code lateOn} (made up after downtime) as on that day,
     * and saying that it is late.
     */
    int deliver(List<PlannedReminder> planned, LocalDate lateOn) {
        boolean late = lateOn != null;
        Map<String, PlannedReminder> unique = new LinkedHashMap<>();
        for (PlannedReminder p : planned) {
            String userId = p.recipient().userId();
            if (userId != null) {
                unique.putIfAbsent(userId + "/" + p.deadlineId() + "/" + p.reminder().offsetDays(), p);
            }
        }
        if (unique.isEmpty()) {
            return 0;
        }
        // one order for every instance: two planning the same reminders wait on each other instead of deadlocking
        List<PlannedReminder> rows = new ArrayList<>(unique.values());
        rows.sort(Comparator.comparing((PlannedReminder p) -> p.recipient().userId())
                .thenComparing(PlannedReminder::deadlineId)
                .thenComparingInt(p -> p.reminder().offsetDays()));
        String sql = "INSERT INTO inbox_message (user_id, deadline_id, offset_days, audience, kind, project_id, "
                + "classified, due_date, remind_on, title, body, link, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OffsetDateTime now = utc(clock.now());
            for (PlannedReminder p : rows) {
                LedgerItem item = item(p, late);
                LocalDate today = late ? lateOn : p.day();
                ps.setString(1, p.recipient().userId());
                ps.setObject(2, p.deadlineId());
                ps.setInt(3, p.reminder().offsetDays());
                ps.setString(4, p.reminder().audience().name());
                ps.setString(5, p.kind().name());
                ps.setObject(6, p.projectId().value());
                ps.setBoolean(7, p.classified());
                ps.setObject(8, p.due());
                ps.setObject(9, p.day());
                ps.setString(10, cut(title(item, today), 200));
                ps.setString(11, cut(messages.line(item, today), 1000));
                ps.setString(12, link(p));
                ps.setObject(13, now);
                ps.addBatch();
            }
            int count = 0;
            for (int n : ps.executeBatch()) {
                count += n == 0 ? 0 : 1;
            }
            return count;
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot write inbox messages", e);
        }
    }

    /** The reminder as the messages word it (the same words as the e-mail's). */
    private static LedgerItem item(PlannedReminder p, boolean late) {
        return new LedgerItem(0, p.deadlineId(), p.reminder().offsetDays(), "", Channel.EMAIL, p.day(),
                p.reminder().audience(), p.recipient().name(), p.projectId().value(),
                p.classified() ? null : p.projectName(), p.classified(), p.kind(), p.due(), p.article(), late,
                p.classified() ? null : p.unitName());
    }

    /** The e-mail's subject for this one reminder. */
    private String title(LedgerItem item, LocalDate today) {
        return messages.email("inbox", List.of(item), today).subject();
    }

    /** The project page, opened at the action that meets the deadline. */
    static String link(PlannedReminder p) {
        return "project.html?id=" + p.projectId().value() + "#action-" + MeetingActions.of(p.kind()).name();
    }

    // ------------------------------------------------------------------------------------------------ reading

    @Override
    public List<InboxMessage> messages(String userId, boolean unreadOnly, Long beforeId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM inbox_message WHERE user_id = ?"
                + (unreadOnly ? " AND read_at IS NULL" : "") + (beforeId != null ? " AND id < ?" : "")
                + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, userId);
            if (beforeId != null) {
                ps.setLong(i++, beforeId);
            }
            ps.setInt(i, limit);
            List<InboxMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime read = rs.getObject(12, OffsetDateTime.class);
                    String settled = rs.getString(13);
                    out.add(new InboxMessage(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getBoolean(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                            rs.getInt(7) < 0, rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getObject(11, OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant(),
                            settled == null ? null : InboxMessage.Settlement.valueOf(settled),
                            rs.getObject(14, LocalDate.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot read inbox messages", e);
        }
    }

    @Override
    public int unreadCount(String userId, int cap) {
        // bounded: the index (user_id, read_at, id) is read for at most cap rows
        String sql = "SELECT COUNT(*) FROM (SELECT id FROM inbox_message WHERE user_id = ? AND read_at IS NULL "
                + "LIMIT ?) unread";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, userId);
            ps.setInt(2, cap);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot count inbox messages", e);
        }
    }

    @Override
    public boolean markRead(String userId, long messageId, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE inbox_message SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")) {
                ps.setObject(1, utc(at));
                ps.setLong(2, messageId);
                ps.setString(3, userId);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM inbox_message WHERE id = ? AND user_id = ?")) {
                ps.setLong(1, messageId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1;
                }
            }
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot mark an inbox message read", e);
        }
    }

    @Override
    public int markAllRead(String userId, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE inbox_message SET read_at = ? WHERE user_id = ? AND read_at IS NULL")) {
            ps.setObject(1, utc(at));
            ps.setString(2, userId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot mark inbox messages read", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ settling

    /**
     * Settles the messages of deadlines just met or waived, in the caller's transaction (the change that closed them):
     * each reminder of such a deadline shows as 已办结 with the day it was met, or 已撤销 when waived (dated
     * {@code today}), and is no longer unread. Messages settled already are left as they are. Returns how many were
     * settled.
     */
    int settle(List<Deadline> closed, Instant at, LocalDate today) {
        List<Deadline> rows = closed.stream().filter(d -> !d.isOpen())
                .sorted(Comparator.comparing(Deadline::id)).toList();
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE inbox_message SET settled_as = ?, settled_on = ?, read_at = COALESCE(read_at, ?) "
                + "WHERE deadline_id = ? AND settled_as IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Deadline d : rows) {
                boolean met = d.metOn() != null;
                ps.setString(1, (met ? InboxMessage.Settlement.MET : InboxMessage.Settlement.WAIVED).name());
                ps.setObject(2, met ? d.metOn() : today);
                ps.setObject(3, utc(at));
                ps.setObject(4, d.id());
                ps.addBatch();
            }
            int count = 0;
            for (int n : ps.executeBatch()) {
                count += Math.max(0, n);
            }
            return count;
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot settle inbox messages", e);
        }
    }

    /**
     * Forgets, in batches, the messages read of the reminders of the days before {@code before} (the ledger's first
     * kept day, beyond any day a pass may still plan: none of them can be written again); unread ones stay. Returns
     * how many.
     */
    long pruneRead(LocalDate before, int batch, int maxBatches) {
        String sql = "DELETE FROM inbox_message WHERE id IN (SELECT id FROM inbox_message WHERE remind_on < ? "
                + "AND read_at IS NOT NULL ORDER BY id LIMIT ?)";
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < maxBatches && !Thread.currentThread().isInterrupted(); i++) {
                ps.setObject(1, before);
                ps.setInt(2, batch);
                int n = ps.executeUpdate();
                total += n;
                if (n < batch) {
                    break;
                }
            }
            return total;
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot forget old inbox messages", e);
        }
    }

    // ------------------------------------------------------------------------------------------------ preferences

    @Override
    public DeliveryPreferences preferences(String userId) {
        return preferencesOf(List.of(userId)).getOrDefault(userId, DeliveryPreferences.DEFAULT);
    }

    @Override
    public void savePreferences(String userId, DeliveryPreferences p, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            String update = "UPDATE notification_preference SET email_enabled = ?, sms_enabled = ?, quiet_start = ?, "
                    + "quiet_end = ?, changed_at = ? WHERE user_id = ?";
            String insert = "INSERT INTO notification_preference (email_enabled, sms_enabled, quiet_start, quiet_end, "
                    + "changed_at, user_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
            for (String sql : new String[]{update, insert}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setBoolean(1, p.email());
                    ps.setBoolean(2, p.sms());
                    ps.setString(3, p.hasQuietHours() ? hhmm(p.quietStart()) : null);
                    ps.setString(4, p.hasQuietHours() ? hhmm(p.quietEnd()) : null);
                    ps.setObject(5, utc(at));
                    ps.setString(6, userId);
                    if (ps.executeUpdate() == 1) {
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot save notification preferences", e);
        }
        quiet = null;
    }

    /** The preferences of those of the accounts that chose some; the others have {@link DeliveryPreferences#DEFAULT}. */
    Map<String, DeliveryPreferences> preferencesOf(Collection<String> userIds) {
        Map<String, DeliveryPreferences> out = new HashMap<>();
        List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String sql = "SELECT user_id, email_enabled, sms_enabled, quiet_start, quiet_end FROM "
                    + "notification_preference WHERE user_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String start = rs.getString(4);
                        String end = rs.getString(5);
                        out.put(rs.getString(1), new DeliveryPreferences(rs.getBoolean(2), rs.getBoolean(3),
                                start == null ? null : LocalTime.parse(start), end == null ? null : LocalTime.parse(end)));
                    }
                }
            } catch (SQLException e) {
                throw new ReminderLedger.LedgerException("cannot read notification preferences", e);
            }
        }
        return out;
    }

    /**
     * When a message on {@code channel} to {@code address} may go out if not now: the end of its owner's quiet hours
     * when {@code now} is in them, else empty.
     */
    Optional<Instant> deferredUntil(Channel channel, String address, Instant now) {
        QuietHours hours = quietMap().byAddress.get(addressKey(channel, address));
        if (hours == null || !hours.contains(now)) {
            return Optional.empty();
        }
        return Optional.of(hours.nextAllowed(now));
    }

    private QuietMap quietMap() {
        QuietMap map = quiet;
        long nanos = System.nanoTime();
        if (map != null && nanos - map.readAt < QUIET_REFRESH.toNanos()) {
            return map;
        }
        Map<String, QuietHours> byAddress = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT user_id, quiet_start, quiet_end FROM notification_preference WHERE quiet_start IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
            for (String[] row : rows) {
                QuietHours hours = new QuietHours(LocalTime.parse(row[1]), LocalTime.parse(row[2]), ClockPort.ZONE);
                accounts.apply(row[0]).ifPresent(a -> {
                    if (a.email() != null && !a.email().isBlank()) {
                        byAddress.put(addressKey(Channel.EMAIL, a.email()), hours);
                    }
                    if (a.mobile() != null && !a.mobile().isBlank()) {
                        byAddress.put(addressKey(Channel.SMS, a.mobile()), hours);
                    }
                });
            }
        } catch (SQLException e) {
            throw new ReminderLedger.LedgerException("cannot read quiet hours", e);
        }
        map = new QuietMap(Map.copyOf(byAddress), nanos);
        quiet = map;
        return map;
    }

    private static String addressKey(Channel channel, String address) {
        String a = address.trim();
        return channel.name() + ":" + (channel == Channel.EMAIL ? a.toLowerCase(Locale.ROOT) : a);
    }

    private record QuietMap(Map<String, QuietHours> byAddress, long readAt) {
    }

    private static String hhmm(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
