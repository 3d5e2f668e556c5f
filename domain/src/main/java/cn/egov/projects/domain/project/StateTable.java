package cn.egov.projects.domain.project;

import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.rule.Provision;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static cn.egov.projects.domain.project.ProjectState.ACCEPTANCE_PENDING;
import static cn.egov.projects.domain.project.ProjectState.ACCEPTED;
import static cn.egov.projects.domain.project.ProjectState.APPROVED;
import static cn.egov.projects.domain.project.ProjectState.CLOSED;
import static cn.egov.projects.domain.project.ProjectState.CONTRACTED;
import static cn.egov.projects.domain.project.ProjectState.DECLARED;
import static cn.egov.projects.domain.project.ProjectState.DRAFT;
import static cn.egov.projects.domain.project.ProjectState.FUNDING_PROPOSED;
import static cn.egov.projects.domain.project.ProjectState.IMPLEMENTING;
import static cn.egov.projects.domain.project.ProjectState.OPERATING;
import static cn.egov.projects.domain.project.ProjectState.PLANNED;
import static cn.egov.projects.domain.project.ProjectState.PROCUREMENT;
import static cn.egov.projects.domain.project.ProjectState.REJECTED;
import static cn.egov.projects.domain.project.ProjectState.REVIEWED;
import static cn.egov.projects.domain.project.ProjectState.SUSPENDED;
import static cn.egov.projects.domain.project.ProjectState.TERMINATED;
import static cn.egov.projects.domain.project.ProjectState.TRIAL_RUN;
import static cn.egov.projects.domain.project.ProjectState.UNDER_REVIEW;

/**
 * The one state table of a project's life (RULES.md §3): for every step, the states in which it may be taken, what
 * else the project must hold for it (a contract not yet filed, a pending change …), and the provision that gives it
 * (whose article the pack in force numbers).
 * {@link Project}'s guards and the actions offered to a person ({@code AvailableActions}) both read this table, so
 * that what a page offers is exactly what the project accepts. What the measures may still refuse on the facts a
 * person enters (a trial run one day short, a budget over the approved one) is decided by the step itself.
 */
public final class StateTable {

    /** The steps of a project's life, each named as the action that takes it. */
    public enum Step {
        EDIT_DRAFT, DECLARE, DECLARE_SUPPLEMENTARY, START_REVIEW, RECORD_REVIEW, PROPOSE_FUNDING, RECORD_APPROVAL,
        ISSUE_PLAN, ADD_TO_PLAN, REPORT_HIGHER_LEVEL_FUNDING, SUBMIT_IMPLEMENTATION_PLAN, PRE_PROCUREMENT_REVIEW,
        RECORD_START_WITHOUT_PROCUREMENT, SIGN_CONTRACT, FILE_CONTRACT, REPORT_PROGRESS, REQUEST_CHANGE,
        DECIDE_CHANGE, REPORT_SITUATION, RESUME, TERMINATE, RECORD_FUND_RECOVERY, RECORD_START_EXCEPTION,
        WAIVE_DEADLINE, RECORD_CYBERSEC_REVIEW, RECORD_CRYPTO_REVIEW, START_TRIAL_RUN, FILE_SELF_INSPECTION,
        RECORD_ACCEPTANCE, PUT_INTO_OPERATION, FILE_ACCEPTANCE_REPORT, FILE_FINAL_ACCOUNTS, RECORD_MAINTENANCE,
        ATTACH_DOCUMENT
    }

    /**
     * One row: the step is open when the project's state is one of {@code states} and {@code holds} is true of it.
     *
     * @param provision the provision that gives the step; the pack's article for it is cited when the step is refused
     *                  for the project's state
     * @param zh        the step in Chinese, as a refusal names it ("不能报送实施方案")
     */
    public record Row(Step step, Set<ProjectState> states, Predicate<Project.Snapshot> holds, Provision provision,
                      String zh) {

        public boolean opens(Project.Snapshot s) {
            return states.contains(s.state()) && holds.test(s);
        }
    }

    /** From the plan on, until acceptance: the project is being built (Art. 12–18). */
    private static final Set<ProjectState> BUILDING =
            EnumSet.of(PLANNED, IMPLEMENTING, PROCUREMENT, CONTRACTED, TRIAL_RUN, ACCEPTANCE_PENDING);
    private static final Set<ProjectState> BUILDING_OR_SUSPENDED = with(BUILDING, SUSPENDED);
    /** Every state in which anything still happens: all but CLOSED, TERMINATED and REJECTED. */
    private static final Set<ProjectState> LIVE = EnumSet.complementOf(EnumSet.of(CLOSED, TERMINATED, REJECTED));

    private static final Map<Step, Row> ROWS = rows();

    private StateTable() {
    }

    private static Map<Step, Row> rows() {
        Map<Step, Row> t = new EnumMap<>(Step.class);
        Predicate<Project.Snapshot> always = s -> true;
        Predicate<Project.Snapshot> supplementary = s -> s.supplementary() != null;
        row(t, Step.EDIT_DRAFT, EnumSet.of(DRAFT), always, Provision.DECLARATION, "修改申报内容");
        row(t, Step.DECLARE, EnumSet.of(DRAFT), always, Provision.DECLARATION, "申报项目");
        row(t, Step.DECLARE_SUPPLEMENTARY, EnumSet.of(DRAFT), always, Provision.SUPPLEMENTARY, "追加申报项目");
        row(t, Step.START_REVIEW, EnumSet.of(DECLARED), always, Provision.REVIEW_AND_APPROVAL, "组织专家评审");
        row(t, Step.RECORD_REVIEW, EnumSet.of(UNDER_REVIEW), always, Provision.REVIEW_AND_APPROVAL, "录入评审意见");
        row(t, Step.PROPOSE_FUNDING, EnumSet.of(REVIEWED), supplementary.negate(), Provision.REVIEW_AND_APPROVAL, "提出资金安排意见");
        row(t, Step.RECORD_APPROVAL, EnumSet.of(REVIEWED, FUNDING_PROPOSED),
                s -> s.state() == (s.supplementary() != null ? REVIEWED : FUNDING_PROPOSED), Provision.REVIEW_AND_APPROVAL, "录入市政府审定意见");
        row(t, Step.ISSUE_PLAN, EnumSet.of(APPROVED), supplementary.negate(), Provision.ANNUAL_PLAN, "列入年度实施计划");
        row(t, Step.ADD_TO_PLAN, EnumSet.of(APPROVED), supplementary, Provision.SUPPLEMENTARY, "追加列入实施计划");
        row(t, Step.REPORT_HIGHER_LEVEL_FUNDING, EnumSet.of(PLANNED),
                s -> s.profile().funding() == FundingSource.HIGHER_LEVEL && s.higherLevelReportedOn() == null, Provision.HIGHER_LEVEL_FUNDING,
                "报送上级统筹资金项目情况（应在列入计划后、项目实施前报送）");
        row(t, Step.SUBMIT_IMPLEMENTATION_PLAN, EnumSet.of(PLANNED), always, Provision.IMPLEMENTATION_PLAN, "报送实施方案");
        row(t, Step.PRE_PROCUREMENT_REVIEW, EnumSet.of(IMPLEMENTING), s -> s.noProcurementReason() == null, Provision.IMPLEMENTATION_PLAN,
                "实施前评审");
        row(t, Step.RECORD_START_WITHOUT_PROCUREMENT, EnumSet.of(IMPLEMENTING), s -> s.noProcurementReason() == null,
                Provision.START_AND_TERMINATION, "记录无需采购的开工");
        row(t, Step.SIGN_CONTRACT, EnumSet.of(PROCUREMENT, CONTRACTED), always, Provision.CONTRACT, "录入合同");
        row(t, Step.FILE_CONTRACT, LIVE, s -> s.contracts().stream().anyMatch(c -> c.filedOn() == null), Provision.CONTRACT,
                "报送合同");
        row(t, Step.REPORT_PROGRESS, EnumSet.of(IMPLEMENTING, PROCUREMENT, CONTRACTED, TRIAL_RUN, ACCEPTANCE_PENDING,
                SUSPENDED), s -> s.substantiveStartOn() != null, Provision.PROGRESS_REPORT, "报送进度报告（项目实质性启动后报送）");
        row(t, Step.REQUEST_CHANGE, BUILDING,
                s -> s.changes().stream().noneMatch(c -> c.status() == ChangeRequest.Status.PENDING), Provision.CHANGE, "申请变更");
        row(t, Step.DECIDE_CHANGE, LIVE,
                s -> s.changes().stream().anyMatch(c -> c.status() == ChangeRequest.Status.PENDING), Provision.CHANGE, "审批变更");
        row(t, Step.REPORT_SITUATION, BUILDING_OR_SUSPENDED, always, Provision.START_AND_TERMINATION, "报送延期、中止或终止报告");
        row(t, Step.RESUME, EnumSet.of(SUSPENDED), always, Provision.START_AND_TERMINATION, "恢复实施");
        row(t, Step.TERMINATE, BUILDING_OR_SUSPENDED, always, Provision.START_AND_TERMINATION, "终止项目");
        row(t, Step.RECORD_FUND_RECOVERY, EnumSet.of(TERMINATED),
                s -> s.termination() != null && s.termination().fundsRecoveredOn() == null, Provision.START_AND_TERMINATION, "收回项目资金");
        Set<ProjectState> any = EnumSet.allOf(ProjectState.class);
        row(t, Step.RECORD_START_EXCEPTION, any, s -> hasOpen(s, DeadlineKind.SUBSTANTIVE_START), Provision.START_AND_TERMINATION,
                "记录未实质性启动的例外处理");
        row(t, Step.WAIVE_DEADLINE, any, s -> s.deadlines().stream().anyMatch(Deadline::isOpen), Provision.PROGRESS_REPORT, "豁免期限");
        Set<ProjectState> declared = EnumSet.copyOf(LIVE);
        declared.remove(DRAFT);
        row(t, Step.RECORD_CYBERSEC_REVIEW, declared, always, Provision.AUTHORITIES, "录入网络安全审查意见");
        row(t, Step.RECORD_CRYPTO_REVIEW, declared, s -> s.profile().usesCryptography(), Provision.AUTHORITIES, "录入密码应用审查意见");
        row(t, Step.START_TRIAL_RUN, EnumSet.of(CONTRACTED, IMPLEMENTING), s -> s.trialStartOn() == null
                && (s.state() == CONTRACTED || s.noProcurementReason() != null), Provision.TRIAL_RUN,
                "上线试运行（须先签订合同或记录无需采购的开工）");
        row(t, Step.FILE_SELF_INSPECTION, EnumSet.of(TRIAL_RUN), always, Provision.SELF_INSPECTION, "报送项目自查报告");
        row(t, Step.RECORD_ACCEPTANCE, EnumSet.of(ACCEPTANCE_PENDING), always, Provision.ACCEPTANCE, "组织验收");
        row(t, Step.PUT_INTO_OPERATION, EnumSet.of(ACCEPTED), always, Provision.USE_AFTER_ACCEPTANCE, "投入使用");
        row(t, Step.FILE_ACCEPTANCE_REPORT, EnumSet.of(ACCEPTED, OPERATING), s -> s.acceptanceReportOn() == null, Provision.ACCEPTANCE_REPORT,
                "报送验收报告");
        row(t, Step.FILE_FINAL_ACCOUNTS, EnumSet.of(ACCEPTED, OPERATING), s -> s.finalAccountsOn() == null, Provision.FINAL_ACCOUNTS,
                "竣工决算备案");
        row(t, Step.RECORD_MAINTENANCE, EnumSet.of(ACCEPTED, OPERATING, CLOSED),
                s -> hasOpen(s, DeadlineKind.WARRANTY_END), Provision.OPERATION_AND_MAINTENANCE, "记录运维安排");
        row(t, Step.ATTACH_DOCUMENT, EnumSet.complementOf(EnumSet.of(REJECTED)), always, Provision.ACCEPTANCE, "上传项目文档");
        if (t.size() != Step.values().length) {
            throw new IllegalStateException("every step needs a row");
        }
        return Collections.unmodifiableMap(t);
    }

    private static void row(Map<Step, Row> t, Step step, Set<ProjectState> states, Predicate<Project.Snapshot> holds,
                            Provision provision, String zh) {
        t.put(step, new Row(step, Collections.unmodifiableSet(EnumSet.copyOf(states)), holds, provision, zh));
    }

    private static Set<ProjectState> with(Set<ProjectState> states, ProjectState more) {
        Set<ProjectState> s = EnumSet.copyOf(states);
        s.add(more);
        return s;
    }

    private static boolean hasOpen(Project.Snapshot s, DeadlineKind kind) {
        return s.deadlines().stream().anyMatch(d -> d.kind() == kind && d.isOpen());
    }

    /** The row of a step. */
    public static Row row(Step step) {
        return ROWS.get(step);
    }

    /** Whether the step may be taken on the project now, as far as its state and records go. */
    public static boolean opens(Step step, Project project) {
        return ROWS.get(step).opens(project.snapshot());
    }

    /** Every step the project's state and records open now. */
    public static Set<Step> openSteps(Project project) {
        Project.Snapshot s = project.snapshot();
        Set<Step> open = EnumSet.noneOf(Step.class);
        ROWS.values().stream().filter(r -> r.opens(s)).forEach(r -> open.add(r.step()));
        return open;
    }
}
