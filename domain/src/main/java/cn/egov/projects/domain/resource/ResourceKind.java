package cn.egov.projects.domain.resource;

/** What kind of information resource a project builds (Art. 6: 政务信息资源开发、整合和利用). */
public enum ResourceKind {
    DATA("数据资源"),
    APPLICATION("应用系统"),
    INTERFACE("接口服务"),
    INFRASTRUCTURE("基础设施");

    private final String zh;

    ResourceKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
