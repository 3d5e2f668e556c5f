package cn.egov.projects.persistence;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.catalog.PurchaseKind;
import cn.egov.projects.domain.catalog.ServiceKind;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.AccountablePeople;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ImplementationPlan;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.PreProcurementReview;
import cn.egov.projects.domain.project.ProgressReport;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SelfInspection;
import cn.egov.projects.domain.project.SituationReport;
import cn.egov.projects.domain.project.Supplementary;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.Outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects driven through their life by the real domain under Taicang's pack, each step asserted allowed and
 * handed to {@code afterEachStep} (a test saves and reloads there). Between them the journeys give every field of
 * {@link Project.Snapshot} a value: the full life to CLOSED, an off-window classified evaluation service that is
 * suspended and terminated, a planned project with a start exception and a waived deadline, a rejected one, and a
 * draft without its accountable people.
 */
final class Lifecycles {

    static final PolicyPack PACK = PolicyPacks.taicang();
    static final DeadlineCalculator CALC =
            new DeadlineCalculator(PACK, new PeriodArithmetic(WorkingDayCalendar.official()));

    static final List<String> THREE_EXPERTS = List.of("张明", "李华", "王芳");
    static final List<String> DOCUMENTS = PACK.acceptanceDocuments();

    /** A benefit indicator with a numeric target, the goal of most journeys. */
    static final PerformanceGoal GOAL = PerformanceGoal.of("办件时间缩短比例", GoalKind.BENEFIT, "≥30%");
    static final PerformanceGoal SATISFACTION = PerformanceGoal.of("群众满意度", GoalKind.SATISFACTION, "不低于95%");

    private Lifecycles() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Money yuan(String amount) {
        return Money.yuan(amount);
    }

    static AccountablePeople people() {
        return new AccountablePeople(new Person("周建国", "13912345678", "zhoujg@taicang.gov.cn"),
                new Person("吴晓梅", "13812345678", "wuxm@taicang.gov.cn"));
    }

    static ProjectProfile profile(String name, int planYear, boolean classified, Category category) {
        return new ProjectProfile(name, planYear, category, Nature.NEW, null, null, false, FundingSource.MUNICIPAL,
                classified, false, List.of("平台软件开发"), List.of(GOAL),
                List.of(new BudgetLine("平台软件开发", yuan("300000.00"), false)), people());
    }

    static DeclarationWindow window(int planYear) {
        return new DeclarationWindow(planYear, LocalDate.of(planYear - 1, 9, 1), LocalDate.of(planYear - 1, 9, 30));
    }

    /** Runs the steps on one project, asserting each allowed, then calling {@code afterEachStep}. */
    static final class Driver {
        final Project project;
        private final Consumer<Project> afterEachStep;

        Driver(Project project, Consumer<Project> afterEachStep) {
            this.project = project;
            this.afterEachStep = afterEachStep;
            afterEachStep.accept(project);
        }

        Driver step(String what, Function<Project, Outcome> action) {
            Outcome outcome = action.apply(project);
            assertThat(outcome.isRefused()).as("%s refused: %s", what, outcome.refusals()).isFalse();
            afterEachStep.accept(project);
            return this;
        }

        Deadline deadline(DeadlineKind kind) {
            return project.deadlines().stream().filter(x -> x.kind() == kind && x.isOpen()).findFirst().orElseThrow();
        }
    }

    /**
     * The full regulated life of a new software project of 900,000.00 yuan with supervision and cryptography:
     * declared in the window, reviewed, funded, approved, planned, a failed then a passed security review, a
     * failed then a passed pre-procurement review, an approved change before tender, two contracts (one with a
     * warranty end in a year whose calendar is not held, so provisional), progress, a change after tender, a delay
     * and a suspension report, resumed, trial run, a failed acceptance, a late passed one, operation, the O&amp;M
     * arrangement, acceptance report and final accounts: CLOSED.
     */
    static Project fullLife(UnitId unit, Consumer<Project> afterEachStep) {
        ProjectProfile first = new ProjectProfile("太仓市一网通办平台（二期）🏛", 2025, Category.BUSINESS_SYSTEM,
                Nature.NEW, null, null, true, FundingSource.MUNICIPAL, false, true,
                List.of("平台软件开发", "数据治理", "等保测评"), List.of(GOAL),
                List.of(new BudgetLine("平台软件开发", yuan("600000.00"), false, PurchaseKind.SOFTWARE_DEVELOPMENT),
                        new BudgetLine("数据治理", yuan("250000.50"), false),
                        new BudgetLine("项目监理", yuan("49999.50"), true)),
                people());
        ProjectProfile edited = new ProjectProfile(first.name(), 2025, first.category(), first.nature(), null, null,
                true, FundingSource.MUNICIPAL, false, true, first.scopeItems(),
                List.of(GOAL, SATISFACTION), first.budgetLines(), people());
        UUID change = UUID.randomUUID();
        Driver p = new Driver(Project.draft(ProjectId.random(), unit, first, PACK.id(), d("2024-07-10")),
                afterEachStep);
        p.step("编辑草稿", x -> x.editDraft(edited, PACK))
                .step("申报", x -> x.declare(d("2024-09-15"), Optional.of(window(2025)), PACK))
                .step("组织评审", x -> x.startReview(d("2024-10-10"), PACK))
                .step("评审意见", x -> x.recordReview(new ReviewOpinion(d("2024-10-20"), true, THREE_EXPERTS,
                        "同意立项"), PACK))
                .step("资金安排意见", x -> x.proposeFunding(new FundingOpinion(d("2024-11-15"), yuan("900000.00"),
                        "建议安排"), PACK))
                .step("市政府审定", x -> x.recordApproval(new GovernmentApproval(d("2024-12-20"),
                        yuan("900000.00"), "市政府常务会议纪要〔2024〕12号"), PACK))
                .step("列入计划", x -> x.includeInPlan(new PlanInclusion(d("2025-01-03"), 2025, false,
                        "太政办〔2025〕1号"), CALC))
                .step("网络安全审查（未通过）", x -> x.recordSecurityReview(new SecurityReview(d("2025-01-10"),
                        SecurityReview.Kind.CYBERSECURITY, false, "需整改"), PACK))
                .step("实施方案", x -> x.submitImplementationPlan(new ImplementationPlan(d("2025-01-20"),
                        List.of("平台软件开发", "数据治理", "等保测评"), yuan("850000.00"), "按季度推进"), PACK))
                .step("实施前评审（未通过）", x -> x.recordPreProcurementReview(
                        new PreProcurementReview(d("2025-02-05"), false, "补充材料"), PACK))
                .step("实施前评审", x -> x.recordPreProcurementReview(
                        new PreProcurementReview(d("2025-02-10"), true, "同意采购"), PACK))
                .step("招标前变更", x -> x.requestChange(new ChangeRequest(change, d("2025-02-20"), "增加移动端",
                        List.of("平台软件开发", "数据治理", "移动端"), yuan("880000.00"),
                        ChangeRequest.Status.PENDING, null, null), PACK))
                .step("同意变更", x -> x.decideChange(change, true, d("2025-02-25"), "同意变更", PACK))
                .step("签订合同", x -> x.signContract(new Contract("HT-2025-001", "苏州某信息技术有限公司",
                        yuan("500000.00"), d("2025-03-14"), d("2028-03-13"), null), CALC))
                .step("报送合同", x -> x.fileContract("HT-2025-001", d("2025-03-20"), PACK))
                .step("签订监理合同", x -> x.signContract(new Contract("HT-2025-002", "太仓某监理公司",
                        yuan("49999.50"), d("2025-03-20"), null, null), CALC))
                .step("进度报告", x -> x.reportProgress(new ProgressReport(d("2025-06-10"), 40, "完成需求分析"), CALC))
                .step("招标后变更", x -> x.requestChange(new ChangeRequest(UUID.randomUUID(), d("2025-06-15"),
                        "调整接口规范", List.of(), null, ChangeRequest.Status.PENDING, null, null), PACK))
                .step("不能按期完成的报告", x -> x.reportSituation(new SituationReport(d("2025-06-20"),
                        SituationReport.Kind.DELAY, "需求变化", true, true), PACK))
                .step("中止", x -> x.reportSituation(new SituationReport(d("2025-06-25"),
                        SituationReport.Kind.SUSPENSION, "机房改造", true, true), PACK))
                .step("恢复实施", x -> x.resume(d("2025-07-01"), PACK))
                .step("试运行", x -> x.startTrialRun(d("2025-08-01"), CALC))
                .step("网络安全审查", x -> x.recordSecurityReview(new SecurityReview(d("2025-09-01"),
                        SecurityReview.Kind.CYBERSECURITY, true, "通过"), PACK))
                .step("密码应用审查", x -> x.recordSecurityReview(new SecurityReview(d("2025-09-02"),
                        SecurityReview.Kind.CRYPTOGRAPHY, true, "通过"), PACK))
                .step("自查报告", x -> x.fileSelfInspection(new SelfInspection(d("2025-10-01"), "建设内容已全部完成",
                        "资源目录已整理并挂接", "绩效目标基本达成", List.of(
                                GoalAchievement.reported(GOAL.indicator(), "31.5%", Attainment.MET, null),
                                GoalAchievement.reported(SATISFACTION.indicator(), "约九成", Attainment.PARTLY_MET,
                                        "线上评价渠道刚开通，样本不足"))), PACK))
                .step("验收（未通过）", x -> x.recordAcceptance(new Acceptance(d("2025-10-10"), false, THREE_EXPERTS,
                        DOCUMENTS, "验收不通过", false, List.of(new GoalAssessment(SATISFACTION.indicator(),
                        Attainment.NOT_MET, "满意度调查不规范"))), CALC))
                .step("再次自查", x -> x.fileSelfInspection(new SelfInspection(d("2026-07-20"), "整改完成",
                        "资源目录已更新", "绩效目标均已达成", List.of(
                                GoalAchievement.reported(GOAL.indicator(), "33%", Attainment.MET, null),
                                GoalAchievement.reported(SATISFACTION.indicator(), "96.2%", Attainment.MET,
                                        null))), PACK))
                .step("逾期验收", x -> x.recordAcceptance(new Acceptance(d("2026-08-20"), true,
                        List.of("张明", "李华", "王芳", "赵强"), DOCUMENTS, "验收通过", false, List.of(
                                new GoalAssessment(GOAL.indicator(), Attainment.MET, "经抽查属实"),
                                new GoalAssessment(SATISFACTION.indicator(), Attainment.PARTLY_MET, null))), CALC))
                .step("投入使用", x -> x.putIntoOperation(d("2026-08-25"), PACK))
                .step("安排运维", x -> x.recordMaintenanceArrangement("由本单位信息科负责运维", d("2026-08-25"), PACK))
                .step("验收报告", x -> x.fileAcceptanceReport(d("2026-08-26"), PACK))
                .step("竣工决算", x -> x.fileFinalAccounts(d("2026-11-10"), yuan("548000.00"), PACK));
        assertThat(p.project.state()).isEqualTo(ProjectState.CLOSED);
        return p.project;
    }

    /**
     * An off-window (Art. 10), classified evaluation service (测评) of another project funded by a higher level (Art. 11), started without
     * procurement, suspended, terminated and its funds recovered.
     */
    static Project supplementaryTerminated(UnitId unit, Consumer<Project> afterEachStep) {
        ProjectProfile profile = new ProjectProfile("一网通办平台监理服务", 2025, Category.STANDARDS_SUPPORT,
                Nature.IT_SERVICE, ServiceKind.EVALUATION, ProjectId.random(), false, FundingSource.HIGHER_LEVEL,
                true, false, List.of("监理服务"),
                List.of(PerformanceGoal.of("测评报告", GoalKind.OUTPUT, "按期出具等级保护测评报告")),
                List.of(new BudgetLine("等级保护测评服务", yuan("120000.00"), false)), people());
        Driver p = new Driver(Project.draft(ProjectId.random(), unit, profile, PACK.id(), d("2025-03-01")),
                afterEachStep);
        p.step("追加申报", x -> x.declareSupplementary(d("2025-03-05"),
                        new Supplementary("苏政办发〔2025〕8号明确要求", "可行性研究报告（2025年3月）"), PACK))
                .step("可行性评审", x -> x.startReview(d("2025-03-10"), PACK))
                .step("评审意见", x -> x.recordReview(new ReviewOpinion(d("2025-03-15"), true, List.of("张明", "李华"),
                        "可行"), PACK))
                .step("市政府同意追加", x -> x.recordApproval(new GovernmentApproval(d("2025-03-25"),
                        yuan("120000.00"), "同意追加"), PACK))
                .step("追加列入计划", x -> x.includeInPlan(new PlanInclusion(d("2025-04-01"), 2025, true,
                        "追加计划〔2025〕3号"), CALC))
                .step("报送上级资金情况", x -> x.reportHigherLevelFunding(d("2025-04-02"), PACK))
                .step("实施方案", x -> x.submitImplementationPlan(new ImplementationPlan(d("2025-04-10"),
                        List.of("监理服务"), yuan("120000.00"), "随主体项目推进"), PACK))
                .step("无需采购的开工", x -> x.recordStartWithoutProcurement("上级已统一采购", d("2025-04-15"), CALC))
                .step("中止", x -> x.reportSituation(new SituationReport(d("2025-05-01"),
                        SituationReport.Kind.SUSPENSION, "上级资金未到位", true, true), PACK))
                .step("终止", x -> x.terminate(d("2025-06-01"), "上级项目取消", "关于终止项目的通报", PACK))
                .step("收回资金", x -> x.recordFundRecovery(d("2025-06-20"), yuan("120000.00"), PACK));
        assertThat(p.project.state()).isEqualTo(ProjectState.TERMINATED);
        return p.project;
    }

    /** A planned operations project whose start limit gets a reasoned exception and whose plan deadline is waived. */
    static Project plannedWithExceptions(UnitId unit, Consumer<Project> afterEachStep) {
        ProjectProfile profile = new ProjectProfile("政务外网运维", 2025, Category.NETWORK_DATA_CENTRE,
                Nature.OPERATIONS, null, null, false, FundingSource.MUNICIPAL, false, false,
                List.of("网络运维"), List.of(PerformanceGoal.of("网络可用率", GoalKind.OUTPUT, "≥99.9%")),
                List.of(new BudgetLine("网络运维", yuan("200000.00"), false)), people());
        Driver p = new Driver(Project.draft(ProjectId.random(), unit, profile, PACK.id(), d("2024-08-01")),
                afterEachStep);
        p.step("申报", x -> x.declare(d("2024-09-10"), Optional.of(window(2025)), PACK))
                .step("组织评审", x -> x.startReview(d("2024-10-10"), PACK))
                .step("评审意见", x -> x.recordReview(new ReviewOpinion(d("2024-10-20"), true, THREE_EXPERTS, "同意"),
                        PACK))
                .step("资金安排意见", x -> x.proposeFunding(new FundingOpinion(d("2024-11-15"), yuan("200000.00"),
                        "建议安排"), PACK))
                .step("市政府审定", x -> x.recordApproval(new GovernmentApproval(d("2024-12-20"), yuan("200000.00"),
                        "纪要"), PACK))
                .step("列入计划", x -> x.includeInPlan(new PlanInclusion(d("2025-01-03"), 2025, false, "太政办"), CALC))
                .step("实质性启动例外", x -> x.recordStartException("机房搬迁，经研究同意延后", PACK))
                .step("豁免实施方案期限", x -> x.waiveDeadline(
                        p.deadline(DeadlineKind.IMPL_PLAN).id(), "已并入主体项目方案", PACK));
        return p.project;
    }

    /** A draft saved before its accountable people are named, completed, declared and rejected by the experts. */
    static Project rejected(UnitId unit, Consumer<Project> afterEachStep) {
        ProjectProfile withoutPeople = new ProjectProfile("视频会议系统扩容", 2025, Category.BUSINESS_SYSTEM,
                Nature.CONTINUATION, null, null, false, FundingSource.MUNICIPAL, false, false, List.of(), List.of(),
                List.of(new BudgetLine("软件扩容", yuan("80000.00"), false)), null);
        ProjectProfile withPeople = new ProjectProfile(withoutPeople.name(), 2025, withoutPeople.category(),
                withoutPeople.nature(), null, null, false, FundingSource.MUNICIPAL, false, false, List.of("扩容"),
                List.of(PerformanceGoal.of("会议并发路数", GoalKind.OUTPUT, "≥64路")), withoutPeople.budgetLines(),
                people());
        Driver p = new Driver(Project.draft(ProjectId.random(), unit, withoutPeople, PACK.id(), d("2024-08-02")),
                afterEachStep);
        p.step("补充责任人", x -> x.editDraft(withPeople, PACK))
                .step("申报", x -> x.declare(d("2024-09-11"), Optional.of(window(2025)), PACK))
                .step("组织评审", x -> x.startReview(d("2024-10-11"), PACK))
                .step("评审不通过", x -> x.recordReview(new ReviewOpinion(d("2024-10-21"), false, THREE_EXPERTS,
                        "建设必要性不足"), PACK));
        assertThat(p.project.state()).isEqualTo(ProjectState.REJECTED);
        return p.project;
    }
}
