package cn.egov.projects.domain.deadline;

/** The statutory deadlines of the measures (RULES.md §5), each with its article and what meets it. */
public enum DeadlineKind {
    IMPL_PLAN(13, "报送项目实施方案", "市级电子政务项目实施计划下达（或追加列入）后一个月内编制项目实施方案并报送"),
    CONTRACT_FILING(14, "报送项目合同", "项目合同签订后七个工作日内将合同报送市大数据管理局"),
    PROGRESS_REPORT(16, "报送项目实施进度报告", "定期报送项目实施进度报告"),
    SUBSTANTIVE_START(17, "实质性启动项目", "列入实施计划后一年内实质性启动（签订首份合同或记录开工）"),
    ACCEPTANCE_LIMIT(22, "完成项目验收", "试运行至完成项目验收的时间不得超过一年"),
    ACCEPTANCE_REPORT(25, "报送验收报告", "项目验收结束后七个工作日内报送验收报告"),
    FINAL_ACCOUNTS(26, "完成竣工决算并向财政部门备案", "项目竣工验收后三个月内完成竣工决算并备案"),
    WARRANTY_END(20, "安排运维", "合同约定的免费维保期届满，应保障系统正常运行并申报运维"),
    WINDOW_CLOSING(7, "提交项目申报", "年度集中申报期截止前提交项目申报");

    private final int article;
    private final String actionZh;
    private final String descriptionZh;

    DeadlineKind(int article, String actionZh, String descriptionZh) {
        this.article = article;
        this.actionZh = actionZh;
        this.descriptionZh = descriptionZh;
    }

    public int article() {
        return article;
    }

    /** The action in the system that meets the deadline, e.g. 报送项目合同. */
    public String actionZh() {
        return actionZh;
    }

    public String descriptionZh() {
        return descriptionZh;
    }
}
