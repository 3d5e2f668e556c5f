package cn.egov.projects.application.view;

/**
 * Whom a reminder reaches and where: a project's accountable person (Art. 19) or an account of the system. Either
 * address may be missing; the channels use those that are there.
 */
public record ReminderRecipient(String name, String email, String mobile) {

    public ReminderRecipient {
        name = name == null || name.isBlank() ? "" : name.trim();
        email = email == null || email.isBlank() ? null : email.trim();
        mobile = mobile == null || mobile.isBlank() ? null : mobile.trim();
    }

    public boolean isReachable() {
        return email != null || mobile != null;
    }
}
