package cn.egov.projects.domain.reminder;

/** Who a reminder goes to (RULES.md §5, Art. 19). */
public enum Audience {
    /** The project's 责任人: every reminder before and on the due day. */
    RESPONSIBLE("责任人"),
    /** The project's 分管领导: escalations once the deadline is overdue. */
    LEADER("分管领导"),
    /** The Big Data Bureau (市大数据管理局): escalations once the deadline is overdue. */
    BUREAU("市大数据管理局");

    private final String zh;

    Audience(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
