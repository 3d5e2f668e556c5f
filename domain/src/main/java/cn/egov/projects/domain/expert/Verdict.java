package cn.egov.projects.domain.expert;

/** An expert's conclusion on a project reviewed or accepted. */
public enum Verdict {
    AGREE("同意"),
    AGREE_WITH_CHANGES("修改后同意"),
    DISAGREE("不同意");

    private final String zh;

    Verdict(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
