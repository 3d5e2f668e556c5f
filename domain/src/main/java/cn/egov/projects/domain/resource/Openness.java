package cn.egov.projects.domain.resource;

/** Whether a resource is opened to the public (开放属性 of the national catalogue). */
public enum Openness {
    OPEN("无条件开放"),
    CONDITIONAL("有条件开放"),
    NOT_OPEN("不予开放");

    private final String zh;

    Openness(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
