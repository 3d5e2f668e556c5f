package cn.egov.projects.domain.deadline;

/** Where a deadline stands on a given day. */
public enum DeadlineStatus {
    PENDING("待办"),
    OVERDUE("已逾期"),
    MET_ON_TIME("按期完成"),
    MET_LATE("逾期完成"),
    WAIVED("已豁免");

    private final String zh;

    DeadlineStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public boolean isOpen() {
        return this == PENDING || this == OVERDUE;
    }
}
