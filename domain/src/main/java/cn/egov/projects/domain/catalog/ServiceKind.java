package cn.egov.projects.domain.catalog;

/** The IT professional services of Art. 2 (only for {@link Nature#IT_SERVICE} projects). */
public enum ServiceKind {
    SUPERVISION("监理"),
    EVALUATION("测评"),
    HOSTING("托管服务"),
    DATA("数据服务"),
    OTHER("其他专业服务");

    private final String zh;

    ServiceKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
