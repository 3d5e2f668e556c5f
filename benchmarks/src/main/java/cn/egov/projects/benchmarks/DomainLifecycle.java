package cn.egov.projects.benchmarks;

import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.FundingOpinion;
import cn.egov.projects.domain.project.GovernmentApproval;
import cn.egov.projects.domain.project.ImplementationPlan;
import cn.egov.projects.domain.project.PlanInclusion;
import cn.egov.projects.domain.project.PreProcurementReview;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.SelfInspection;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.Outcome;

import java.util.List;
import java.util.Optional;

/**
 * The lifecycle on the {@code Project} aggregate alone, in memory: the same steps and days as the application
 * driver, each checked allowed. Used by the JMH benchmark and to preload projects for the size series.
 */
final class DomainLifecycle {

    static final UnitId UNIT = new UnitId("TC-GAJ");
    private static final List<String> EXPERTS = List.of("张明", "李华", "王芳");

    final PolicyPack pack;
    final DeadlineCalculator calc;
    final DeclarationWindow window;

    DomainLifecycle(PolicyPack pack) {
        this.pack = pack;
        this.calc = new DeadlineCalculator(pack, new PeriodArithmetic(WorkingDayCalendar.official()));
        this.window = new DeclarationWindow(Days.PLAN_YEAR, Days.WINDOW_OPENS, Days.WINDOW_CLOSES);
    }

    static DomainLifecycle taicang() {
        return new DomainLifecycle(PolicyPacks.taicang());
    }

    private static void ok(Outcome outcome) {
        if (outcome.isRefused()) {
            throw new IllegalStateException("refused: " + outcome.violations());
        }
    }

    /** A new project, declared and taken through review, funding, approval, plan and procurement to its contract. */
    Project contracted(long n) {
        Project p = Project.draft(ProjectId.random(), UNIT, EgovEngine.profile(n), pack.id(), Days.DRAFT);
        Money budget = p.profile().totalInvestment();
        ok(p.declare(Days.DRAFT, Optional.of(window), pack));
        ok(p.startReview(Days.REVIEW, pack));
        ok(p.recordReview(new ReviewOpinion(Days.REVIEW, true, EXPERTS, "建设必要，方案可行"), pack));
        ok(p.proposeFunding(new FundingOpinion(Days.FUNDING, budget, "同意安排"), pack));
        ok(p.recordApproval(new GovernmentApproval(Days.APPROVAL, budget, "太政复〔2024〕88号"), pack));
        ok(p.includeInPlan(new PlanInclusion(Days.PLAN, Days.PLAN_YEAR, false, "太政办〔2025〕5号"), calc));
        ok(p.submitImplementationPlan(new ImplementationPlan(Days.IMPLEMENTATION_PLAN, p.profile().scopeItems(),
                budget, "2025年4月招标，9月上线试运行"), pack));
        ok(p.recordPreProcurementReview(new PreProcurementReview(Days.PRE_PROCUREMENT, true, "同意采购"), pack));
        ok(p.signContract(new Contract("HT-2025-" + n, "苏州某信息技术有限公司", Money.yuan("480000"),
                Days.CONTRACT_SIGNED, Days.WARRANTY_END, null), calc));
        return p;
    }

    /** The whole life: {@link #contracted} and then filing, trial, reviews, acceptance, operation, final accounts. */
    Project whole(long n) {
        Project p = contracted(n);
        ok(p.fileContract("HT-2025-" + n, Days.CONTRACT_FILED, pack));
        ok(p.startTrialRun(Days.TRIAL, calc));
        ok(p.recordSecurityReview(new SecurityReview(Days.SECURITY_REVIEW, SecurityReview.Kind.CYBERSECURITY, true,
                "符合网络安全要求"), pack));
        ok(p.fileSelfInspection(new SelfInspection(Days.SELF_INSPECTION, "全部建设内容已完成", "已整理资源目录32项",
                "警情处置时间缩短23%", EgovEngine.ACHIEVED), pack));
        ok(p.recordAcceptance(new Acceptance(Days.ACCEPTANCE, true, EXPERTS, pack.acceptanceDocuments(), "同意通过验收",
                false), calc));
        ok(p.putIntoOperation(Days.OPERATION, pack));
        ok(p.fileAcceptanceReport(Days.ACCEPTANCE_REPORT, pack));
        ok(p.fileFinalAccounts(Days.FINAL_ACCOUNTS, Money.yuan("478000"), pack));
        return p;
    }
}
