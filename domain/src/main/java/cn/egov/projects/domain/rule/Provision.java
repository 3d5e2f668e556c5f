package cn.egov.projects.domain.rule;

/**
 * What a provision of the measures is about, as the kernel refers to it: a step of the lifecycle or a deadline
 * cites its provision, and the policy pack in force says which article of its measures that is
 * ({@code PolicyPack.article(Provision)}). Taicang's measures give each its own article (Art. 2 to 27); another
 * municipality numbers them as its measures do. The kernel writes no article number itself.
 */
public enum Provision {
    /** What is and is not a project of the measures (Taicang Art. 2). */
    SCOPE("适用范围"),
    /** The implementing unit answers for its own projects (Art. 3). */
    UNIT_RESPONSIBILITY("实施单位职责"),
    /** The duties of the Bureau, Finance, the Cyberspace office, the secrecy office and Audit (Art. 4). */
    AUTHORITIES("主管部门职责"),
    /** The categories of projects (Taicang Art. 5), cited where projects are counted by category. */
    CATEGORY("项目分类"),
    /** Information resources: reuse and no duplicate construction (Art. 6). */
    RESOURCE_REUSE("政务信息资源复用"),
    /** The yearly declaration window (Art. 7). */
    DECLARATION("年度集中申报"),
    /** Expert review, Finance's funding opinion, the government's approval (Art. 8). */
    REVIEW_AND_APPROVAL("评审与审定"),
    /** The annual plan, for funded projects only (Art. 9). */
    ANNUAL_PLAN("年度实施计划"),
    /** Projects added outside the window (Art. 10). */
    SUPPLEMENTARY("追加项目"),
    /** Projects fully funded by higher levels, reported first (Art. 11). */
    HIGHER_LEVEL_FUNDING("上级统筹资金项目"),
    /** Nothing starts outside the plan (Art. 12). */
    NO_START_OUTSIDE_PLAN("未列入计划不得开工"),
    /** The implementation plan and the review before procurement (Art. 13). */
    IMPLEMENTATION_PLAN("实施方案与实施前评审"),
    /** Contracts: within the budget, filed with the Bureau (Art. 14). */
    CONTRACT("项目合同"),
    /** Supervision of large new projects (Art. 15). */
    SUPERVISION("项目监理"),
    /** Progress reports (Art. 16). */
    PROGRESS_REPORT("进度报告"),
    /** Substantive start, delay, suspension and termination (Art. 17). */
    START_AND_TERMINATION("实质性启动、中止和终止"),
    /** Changes before and after the tender (Art. 18). */
    CHANGE("项目变更"),
    /** The unit's leader and responsible person (Art. 19). */
    ACCOUNTABILITY("项目责任人"),
    /** Operation and maintenance after the warranty (Art. 20). */
    OPERATION_AND_MAINTENANCE("运行维护"),
    /** No use before passed acceptance (Art. 21). */
    USE_AFTER_ACCEPTANCE("验收后投入使用"),
    /** The trial run and its limits (Art. 22). */
    TRIAL_RUN("试运行"),
    /** The self-inspection report and the resource catalogue (Art. 23). */
    SELF_INSPECTION("项目自查"),
    /** The expert acceptance and its documents (Art. 24). */
    ACCEPTANCE("项目验收"),
    /** The acceptance report (Art. 25). */
    ACCEPTANCE_REPORT("验收报告"),
    /** The final accounts filed with Finance (Art. 26). */
    FINAL_ACCOUNTS("竣工决算"),
    /** Classified projects (Art. 27). */
    CLASSIFIED("涉密项目");

    private final String zh;

    Provision(String zh) {
        this.zh = zh;
    }

    /** What the provision is about, in Chinese (for a pack's author and for error messages). */
    public String zh() {
        return zh;
    }
}
