package cn.egov.projects.domain.expert;

import cn.egov.projects.domain.rule.Provision;

/**
 * What experts are drawn for: the Bureau's review (Taicang Art. 8), or the unit's acceptance where the pack says so
 * (Art. 24); the pack in force numbers the article each cites.
 */
public enum DrawPurpose {
    REVIEW(Provision.REVIEW_AND_APPROVAL, "评审专家"),
    ACCEPTANCE(Provision.ACCEPTANCE, "验收专家");

    private final Provision provision;
    private final String zh;

    DrawPurpose(Provision provision, String zh) {
        this.provision = provision;
        this.zh = zh;
    }

    /** The provision the draw follows. */
    public Provision provision() {
        return provision;
    }

    public String zh() {
        return zh;
    }
}
