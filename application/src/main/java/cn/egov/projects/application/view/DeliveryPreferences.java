package cn.egov.projects.application.view;

import java.time.LocalTime;

/**
 * A person's choice of how reminders reach them beyond the inbox: by e-mail, by SMS, and the quiet hours (Asia/Shanghai)
 * in which neither is sent to them — a message falling in them is deferred to their end, never dropped. The inbox
 * (消息中心) is always on: every reminder and statutory escalation addressed to the person lands there whatever they
 * choose here.
 *
 * @param quietStart null (with {@code quietEnd}) for no quiet hours of their own; after {@code quietEnd} the window
 *                   spans midnight (22:00–07:00)
 */
public record DeliveryPreferences(boolean email, boolean sms, LocalTime quietStart, LocalTime quietEnd) {

    /** What a person who chose nothing has: both channels, no quiet hours of their own. */
    public static final DeliveryPreferences DEFAULT = new DeliveryPreferences(true, true, null, null);

    public DeliveryPreferences {
        if ((quietStart == null) != (quietEnd == null)) {
            throw new IllegalArgumentException("quiet hours need a start and an end");
        }
        if (quietStart != null && quietStart.equals(quietEnd)) {
            quietStart = null;
            quietEnd = null;
        }
    }

    public boolean hasQuietHours() {
        return quietStart != null;
    }
}
