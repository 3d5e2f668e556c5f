package cn.egov.projects.domain.resource;

/**
 * The sharing type of a resource as the national 政务信息资源目录 writes it (《政务信息资源共享管理暂行办法》): shared
 * with every department without condition, under a condition stated, or not shared (with the ground stated).
 */
public enum SharingType {
    UNCONDITIONAL("无条件共享"),
    CONDITIONAL("有条件共享"),
    NOT_SHARED("不予共享");

    private final String zh;

    SharingType(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Whether the catalogue must say under which condition, or on which ground, the resource is (not) shared. */
    public boolean needsCondition() {
        return this != UNCONDITIONAL;
    }
}
