package cn.egov.projects.domain.expert;

/** What experts are drawn for: the Bureau's review (Art. 8), or the unit's acceptance where the pack says so (Art. 24). */
public enum DrawPurpose {
    REVIEW(8, "评审专家"),
    ACCEPTANCE(24, "验收专家");

    private final int article;
    private final String zh;

    DrawPurpose(int article, String zh) {
        this.article = article;
        this.zh = zh;
    }

    public int article() {
        return article;
    }

    public String zh() {
        return zh;
    }
}
