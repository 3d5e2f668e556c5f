package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.Provision;

import java.util.Optional;

/** The statutory deadlines of the measures (RULES.md §5), each with its provision and what meets it. */
public enum DeadlineKind {
    IMPL_PLAN(Provision.IMPLEMENTATION_PLAN, "报送项目实施方案", "市级电子政务项目实施计划下达（或追加列入）后{期限}内编制项目实施方案并报送"),
    CONTRACT_FILING(Provision.CONTRACT, "报送项目合同", "项目合同签订后{期限}内将合同报送市大数据管理局"),
    PROGRESS_REPORT(Provision.PROGRESS_REPORT, "报送项目实施进度报告", "定期（每{期限}）报送项目实施进度报告"),
    SUBSTANTIVE_START(Provision.START_AND_TERMINATION, "实质性启动项目", "列入实施计划后{期限}内实质性启动（签订首份合同或记录开工）"),
    ACCEPTANCE_LIMIT(Provision.TRIAL_RUN, "完成项目验收", "试运行至完成项目验收的时间不得超过{期限}"),
    ACCEPTANCE_REPORT(Provision.ACCEPTANCE_REPORT, "报送验收报告", "项目验收结束后{期限}内报送验收报告"),
    FINAL_ACCOUNTS(Provision.FINAL_ACCOUNTS, "完成竣工决算并向财政部门备案", "项目竣工验收后{期限}内完成竣工决算并备案"),
    WARRANTY_END(Provision.OPERATION_AND_MAINTENANCE, "安排运维", "合同约定的免费维保期届满，应保障系统正常运行并申报运维"),
    WINDOW_CLOSING(Provision.DECLARATION, "提交项目申报", "年度集中申报期截止前提交项目申报");

    private final Provision provision;
    private final String actionZh;
    private final String descriptionZh;

    DeadlineKind(Provision provision, String actionZh, String descriptionZh) {
        this.provision = provision;
        this.actionZh = actionZh;
        this.descriptionZh = descriptionZh;
    }

    /** The provision that sets the deadline; the pack in force says which article that is. */
    public Provision provision() {
        return provision;
    }

    /** The article that sets the deadline under a pack, e.g. 14 for the contract filing under Taicang's. */
    public int article(PolicyPack pack) {
        return pack.article(provision);
    }

    /** The article that sets the deadline under Taicang's measures (the default pack). */
    public int article() {
        return article(PolicyPacks.taicang());
    }

    /** The action in the system that meets the deadline, e.g. 报送项目合同. */
    public String actionZh() {
        return actionZh;
    }

    /** What the deadline asks, with the period of Taicang's measures (the default pack). */
    public String descriptionZh() {
        return descriptionZh(PolicyPacks.taicang());
    }

    /**
     * What the deadline asks under a pack, its period written as that pack sets it: "项目合同签订后5个工作日内…" under a
     * pack of 5 working days, never the default's 7.
     */
    public String descriptionZh(PolicyPack pack) {
        return termIn(pack).map(t -> descriptionZh.replace(PERIOD, t.toChinese())).orElse(descriptionZh);
    }

    private static final String PERIOD = "{期限}";

    /** The period the deadline runs under the pack; empty for those that fall on a date of their own. */
    public Optional<Term> termIn(PolicyPack pack) {
        return Optional.ofNullable(switch (this) {
            case IMPL_PLAN -> pack.implementationPlan();
            case CONTRACT_FILING -> pack.contractFiling();
            case PROGRESS_REPORT -> pack.progressInterval();
            case SUBSTANTIVE_START -> pack.substantiveStart();
            case ACCEPTANCE_LIMIT -> pack.acceptanceLimit();
            case ACCEPTANCE_REPORT -> pack.acceptanceReport();
            case FINAL_ACCOUNTS -> pack.finalAccounts();
            case WARRANTY_END, WINDOW_CLOSING -> null;
        });
    }
}
