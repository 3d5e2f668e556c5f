package cn.egov.projects.domain.project;

/** The states of a project's life under the measures (RULES.md §3). */
public enum ProjectState {
    DRAFT("草稿"),
    DECLARED("已申报"),
    UNDER_REVIEW("专家评审中"),
    REVIEWED("评审通过"),
    FUNDING_PROPOSED("已提出资金安排意见"),
    APPROVED("市政府已审定"),
    PLANNED("已列入实施计划"),
    IMPLEMENTING("实施中"),
    PROCUREMENT("政府采购中"),
    CONTRACTED("已签订合同"),
    TRIAL_RUN("试运行中"),
    ACCEPTANCE_PENDING("待验收"),
    ACCEPTED("验收通过"),
    OPERATING("已投入使用"),
    CLOSED("已办结"),
    SUSPENDED("已中止"),
    TERMINATED("已终止"),
    REJECTED("评审未通过");

    private final String zh;

    ProjectState(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Whether the project is in an issued plan (Art. 12): from PLANNED on, until it ends. */
    public boolean isInPlan() {
        return ordinal() >= PLANNED.ordinal() && ordinal() <= CLOSED.ordinal();
    }

    /** Whether nothing more happens in the project's regulated life. */
    public boolean isFinal() {
        return this == CLOSED || this == TERMINATED || this == REJECTED;
    }

    /** Before any contract: Art. 18 calls it 招标前. */
    public boolean isBeforeTender() {
        return this == PLANNED || this == IMPLEMENTING || this == PROCUREMENT;
    }
}
