package cn.egov.projects.domain.resource;

/** The Bureau's finding on reuse and duplicate construction of a declared project (Art. 1, 6). */
public enum ReuseVerdict {
    NO_DUPLICATION("无重复"),
    PARTIAL_REUSE("部分重复（可复用已有项目或资源）"),
    DUPLICATE("重复建设（建议不予立项）");

    private final String zh;

    ReuseVerdict(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Whether the opinion must name what the project repeats or may reuse. */
    public boolean namesSimilar() {
        return this != NO_DUPLICATION;
    }
}
