package cn.egov.projects.persistence.crypto;

/**
 * The columns of personal data encrypted at rest ({@link FieldCipher}), with the row key each is bound to: the
 * account's contacts (by user id) and the project's accountable people's contacts (by project id; their copies
 * inside the project's document are {@code document.<duty>.<member>} of the same row).
 */
public final class PersonalFields {

    public static final FieldCipher.Field ACCOUNT_MOBILE = new FieldCipher.Field("account", "mobile");
    public static final FieldCipher.Field ACCOUNT_EMAIL = new FieldCipher.Field("account", "email");
    public static final FieldCipher.Field LEADER_MOBILE = new FieldCipher.Field("project", "leader_mobile");
    public static final FieldCipher.Field LEADER_EMAIL = new FieldCipher.Field("project", "leader_email");
    public static final FieldCipher.Field RESPONSIBLE_MOBILE = new FieldCipher.Field("project", "responsible_mobile");
    public static final FieldCipher.Field RESPONSIBLE_EMAIL = new FieldCipher.Field("project", "responsible_email");
    /** Not personal data but a credential: an account's one-time-code secret (by user id), sealed the same way. */
    public static final FieldCipher.Field SECOND_FACTOR_SECRET = new FieldCipher.Field("second_factor", "secret");

    private PersonalFields() {
    }
}
