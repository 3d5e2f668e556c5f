package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.MessageCentreUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeliveryPreferencesPort;
import cn.egov.projects.application.port.out.InboxPort;
import cn.egov.projects.application.view.DeliveryPreferences;
import cn.egov.projects.application.view.InboxMessage;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The message centre (消息中心): every signed-in person reads and marks only their own messages and sets only their
 * own channels and quiet hours; the account is the caller's, never a parameter. A change of one's channels or quiet
 * hours is recorded in the security audit trail ({@value #ACTION}) in the same transaction: who, when, and what changed
 * from what to what (never an address).
 */
public final class MessageCentreService implements MessageCentreUseCase {

    /** The audit trail's action of a change of one's own channels or quiet hours. */
    public static final String ACTION = "NOTIFICATION_PREFERENCES";

    private final InboxPort inbox;
    private final DeliveryPreferencesPort preferences;
    private final ClockPort clock;
    private final AuditTrailPort audit;
    private final TransactionPort tx;
    /** The article the records cite: the authorities' duties (Taicang Art. 4) in the pack in force. */
    private final String article;

    /** Without an audit trail: the changes are saved, not recorded (tests of the inbox alone). */
    public MessageCentreService(InboxPort inbox, DeliveryPreferencesPort preferences, ClockPort clock) {
        this(inbox, preferences, clock, null, null, null);
    }

    /**
     * @param audit the audit trail each change of preferences is recorded in, with {@code tx} its transaction
     * @param pack  the pack in force, whose numbering the records cite
     */
    public MessageCentreService(InboxPort inbox, DeliveryPreferencesPort preferences, ClockPort clock,
                                AuditTrailPort audit, TransactionPort tx, PolicyPack pack) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = audit;
        this.tx = tx;
        this.article = pack == null ? null : pack.articleZh(Provision.AUTHORITIES);
        if ((audit == null) != (tx == null) || (audit == null) != (pack == null)) {
            throw new IllegalArgumentException("the audit trail needs its transaction and the pack in force");
        }
    }

    @Override
    public MessagePage messages(Caller caller, boolean unreadOnly, Long beforeId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidCommandException("limit", "每页条数应为1至" + MAX_PAGE);
        }
        if (beforeId != null && beforeId < 1) {
            throw new InvalidCommandException("before", "消息编号应为正整数");
        }
        String me = caller.actor().userId();
        // one more than asked tells whether a next page exists
        List<InboxMessage> found = inbox.messages(me, unreadOnly, beforeId, limit + 1);
        List<InboxMessage> page = found.size() > limit ? found.subList(0, limit) : found;
        Long next = found.size() > limit ? page.get(page.size() - 1).id() : null;
        return new MessagePage(List.copyOf(page), next, inbox.unreadCount(me, COUNT_CAP));
    }

    @Override
    public int unreadCount(Caller caller) {
        return inbox.unreadCount(caller.actor().userId(), COUNT_CAP);
    }

    @Override
    public void markRead(Caller caller, long messageId) {
        if (!inbox.markRead(caller.actor().userId(), messageId, clock.now())) {
            throw new NotFoundException("没有这条消息");
        }
    }

    @Override
    public int markAllRead(Caller caller) {
        return inbox.markAllRead(caller.actor().userId(), clock.now());
    }

    @Override
    public DeliveryPreferences preferences(Caller caller) {
        return preferences.preferences(caller.actor().userId());
    }

    @Override
    public DeliveryPreferences savePreferences(Caller caller, DeliveryPreferences chosen) {
        Objects.requireNonNull(chosen, "preferences");
        String me = caller.actor().userId();
        if (audit == null) {
            preferences.savePreferences(me, chosen, clock.now());
            return preferences.preferences(me);
        }
        return tx.inTransaction(() -> {
            DeliveryPreferences before = preferences.preferences(me);
            preferences.savePreferences(me, chosen, clock.now());
            DeliveryPreferences after = preferences.preferences(me);
            String changes = changes(before, after);
            if (!changes.isEmpty()) {
                // the audit record last: its append holds the audit chain's head until the commit
                Actor a = caller.actor();
                audit.append(new AuditRecord(clock.now(), a.userId(), a.role(), a.unit().code(), ACTION, article,
                        null, null, null, caller.requestId(), caller.sourceAddress(), "修改本人的提醒方式：" + changes));
            }
            return after;
        });
    }

    /** What changed, in Chinese: "邮件 接收→不接收；免打扰时段 无→22:00—07:00"; empty when nothing did. */
    static String changes(DeliveryPreferences before, DeliveryPreferences after) {
        List<String> parts = new ArrayList<>();
        if (before.email() != after.email()) {
            parts.add("邮件 " + onOff(before.email()) + "→" + onOff(after.email()));
        }
        if (before.sms() != after.sms()) {
            parts.add("短信 " + onOff(before.sms()) + "→" + onOff(after.sms()));
        }
        String quietBefore = quiet(before);
        String quietAfter = quiet(after);
        if (!quietBefore.equals(quietAfter)) {
            parts.add("免打扰时段 " + quietBefore + "→" + quietAfter);
        }
        return String.join("；", parts);
    }

    private static String onOff(boolean on) {
        return on ? "接收" : "不接收";
    }

    private static String quiet(DeliveryPreferences p) {
        return p.hasQuietHours() ? p.quietStart() + "—" + p.quietEnd() : "无";
    }
}
