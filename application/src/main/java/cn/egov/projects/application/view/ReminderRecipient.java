package cn.egov.projects.application.view;

/**
 * Whom a reminder reaches and where: a project's accountable person (Art. 19) or an account of the system. Either
 * address may be missing; the channels use those that are there. {@code userId} is the person's account when they
 * have one (an account of the system, or the accountable person matched to an account of their unit): the reminder
 * then also lands in that account's inbox (消息中心), and the person's own channel choices and quiet hours apply.
 */
public record ReminderRecipient(String name, String email, String mobile, String userId) {

    public ReminderRecipient {
        name = name == null || name.isBlank() ? "" : name.trim();
        email = email == null || email.isBlank() ? null : email.trim();
        mobile = mobile == null || mobile.isBlank() ? null : mobile.trim();
        userId = userId == null || userId.isBlank() ? null : userId;
    }

    /** A person without an account of the system: reached by e-mail or SMS only. */
    public ReminderRecipient(String name, String email, String mobile) {
        this(name, email, mobile, null);
    }

    /** Reachable by some channel: an address, or an account's inbox. */
    public boolean isReachable() {
        return email != null || mobile != null || userId != null;
    }
}
