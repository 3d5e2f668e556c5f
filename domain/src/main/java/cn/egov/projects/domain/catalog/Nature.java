package cn.egov.projects.domain.catalog;

/** The nature of a project (Art. 2): new build, continuation, operations and maintenance, or an IT service. */
public enum Nature {
    NEW("新建"),
    CONTINUATION("续建"),
    OPERATIONS("运维"),
    IT_SERVICE("信息技术专业服务");

    private final String zh;

    Nature(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
