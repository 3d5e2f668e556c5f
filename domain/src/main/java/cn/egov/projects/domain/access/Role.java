package cn.egov.projects.domain.access;

/** Who uses the system (RULES.md §1, Art. 3, 4). */
public enum Role {
    UNIT_STAFF("实施单位经办人员"),
    UNIT_LEADER("实施单位分管领导"),
    BDB_OFFICER("市大数据管理局"),
    FINANCE("市财政局"),
    AUDIT("市审计局"),
    CYBERSEC("市委网信办"),
    SECRECY("市委办公室（市国家保密局、市国家密码管理局）"),
    EXPERT("评审专家"),
    ADMIN("系统管理员"),
    SECURITY_ADMIN("安全保密管理员"),
    AUDIT_ADMIN("安全审计员");

    private final String zh;

    Role(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /**
     * The three administrators of 三员分立 (等保 2.0 level 3): the system administrator, the security administrator and
     * the security auditor. No account holds two of them; each signs in with a second factor; none sees a project.
     */
    public boolean isAdministrator() {
        return this == ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /**
     * Whether a person of this role may give an account the role {@code granted} (三员分立): the security administrator
     * grants every role; the system administrator only the ordinary ones — never an administrator's, the Bureau's
     * (which decides on projects) or Audit's (which reads them all); nobody else grants any.
     */
    public boolean mayGrant(Role granted) {
        return switch (this) {
            case SECURITY_ADMIN -> true;
            case ADMIN -> !granted.isAdministrator() && granted != BDB_OFFICER && granted != AUDIT;
            default -> false;
        };
    }

    public boolean isUnitRole() {
        return this == UNIT_STAFF || this == UNIT_LEADER;
    }

    /**
     * Whether the secrecy office may name people of this role into a classified project's 知悉范围 (Art. 27): the
     * Bureau's officers, Finance, the Cyberspace office, Audit and experts. The project's own unit and the secrecy
     * office are in it anyway; the administrator never is.
     */
    public boolean isNamedIntoClassifiedScope() {
        return this == BDB_OFFICER || this == FINANCE || this == CYBERSEC || this == AUDIT || this == EXPERT;
    }
}
