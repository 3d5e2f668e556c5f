package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.calendar.Term;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.Provision;

import java.util.Optional;

/** The statutory deadlines of the measures (RULES.md §5), each with its provision and what meets it. */
public enum DeadlineKind {
    IMPL_PLAN(Provision.IMPLEMENTATION_PLAN, "报送项目实施方案"),
    CONTRACT_FILING(Provision.CONTRACT, "报送项目合同"),
    PROGRESS_REPORT(Provision.PROGRESS_REPORT, "报送项目实施进度报告"),
    SUBSTANTIVE_START(Provision.START_AND_TERMINATION, "实质性启动项目"),
    ACCEPTANCE_LIMIT(Provision.TRIAL_RUN, "完成项目验收"),
    ACCEPTANCE_REPORT(Provision.ACCEPTANCE_REPORT, "报送验收报告"),
    FINAL_ACCOUNTS(Provision.FINAL_ACCOUNTS, "完成竣工决算并向财政部门备案"),
    WARRANTY_END(Provision.OPERATION_AND_MAINTENANCE, "安排运维"),
    WINDOW_CLOSING(Provision.DECLARATION, "提交项目申报");

    private final Provision provision;
    private final String actionZh;

    DeadlineKind(Provision provision, String actionZh) {
        this.provision = provision;
        this.actionZh = actionZh;
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
        String wording = pack.deadlineWording(name())
                .or(() -> PolicyPacks.taicang().deadlineWording(name())).orElseThrow();
        return termIn(pack).map(t -> wording.replace(PolicyPack.PERIOD, t.toChinese())).orElse(wording);
    }

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
