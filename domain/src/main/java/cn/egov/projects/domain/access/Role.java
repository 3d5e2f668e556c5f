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
    ADMIN("系统管理员");

    private final String zh;

    Role(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
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
