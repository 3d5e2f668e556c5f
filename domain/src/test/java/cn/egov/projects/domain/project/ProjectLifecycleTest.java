package cn.egov.projects.domain.project;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.rule.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cn.egov.projects.domain.project.Fixtures.THREE_EXPERTS;
import static cn.egov.projects.domain.project.Fixtures.TAICANG_DOCUMENTS;
import static cn.egov.projects.domain.project.Fixtures.calculator;
import static cn.egov.projects.domain.project.Fixtures.d;
import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project of the Public Security Bureau for plan year 2025 through its whole regulated life under Taicang's
 * measures, each due day worked out by hand from the official calendar.
 */
@DisplayName("一个项目的完整生命周期（太仓办法）")
class ProjectLifecycleTest {

    private final PolicyPack pack = PolicyPacks.taicang();
    private final DeadlineCalculator calc = calculator(pack);

    private static void allowed(Outcome outcome) {
        assertThat(outcome.violations()).as("violations").isEmpty();
    }

    private static Deadline only(Project p, DeadlineKind kind) {
        List<Deadline> found = p.deadlines().stream().filter(x -> x.kind() == kind).toList();
        assertThat(found).as(kind.name()).hasSize(1);
        return found.get(0);
    }

    private static List<Deadline> all(Project p, DeadlineKind kind) {
        return p.deadlines().stream().filter(x -> x.kind() == kind).toList();
    }

    @Test
    @DisplayName("从草稿到办结：申报、评审、资金、审定、计划、实施、采购、合同、试运行、自查、验收、投入使用、验收报告、竣工决算")
    void fromDraftToClosed() {
        Project p = Project.draft(ProjectId.random(), Fixtures.UNIT, profile().build(), pack.id(), d("2024-07-10"));
        assertThat(p.state()).isEqualTo(ProjectState.DRAFT);
        assertThat(p.policyId()).isEqualTo("taicang-2021");

        // Art. 7: the window for 2025 opened in Q3 2024
        DeclarationWindow window = new DeclarationWindow(2025, d("2024-07-01"), d("2024-09-30"));
        allowed(window.checkAgainst(pack));
        allowed(p.declare(d("2024-08-15"), Optional.of(window), pack));
        assertThat(p.state()).isEqualTo(ProjectState.DECLARED);

        // Art. 8
        allowed(p.startReview(d("2024-10-08"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.UNDER_REVIEW);
        allowed(p.recordReview(new ReviewOpinion(d("2024-10-20"), true, THREE_EXPERTS, "同意立项"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.REVIEWED);
        allowed(p.proposeFunding(new FundingOpinion(d("2024-11-15"), Money.yuan("600000.00"), "建议安排"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.FUNDING_PROPOSED);
        allowed(p.recordApproval(new GovernmentApproval(d("2024-12-20"), Money.yuan("600000.00"), "常务会议纪要"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.APPROVED);

        // Art. 9: the plan issued on Friday 2025-01-03 starts two clocks
        allowed(p.includeInPlan(new PlanInclusion(d("2025-01-03"), 2025, false, "太政办〔2025〕1号"), calc));
        assertThat(p.state()).isEqualTo(ProjectState.PLANNED);
        assertThat(p.deadlines()).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(DeadlineKind.IMPL_PLAN, DeadlineKind.SUBSTANTIVE_START);
        // 2025-02-03 falls in the Spring Festival rest days (01-28..02-04): 2025-02-05
        assertThat(only(p, DeadlineKind.IMPL_PLAN).due()).isEqualTo(d("2025-02-05"));
        assertThat(only(p, DeadlineKind.IMPL_PLAN).start()).isEqualTo(d("2025-01-03"));
        // 2026-01-03 is a New Year rest day; 2026-01-04 is a Sunday worked under the 2026 notice
        assertThat(only(p, DeadlineKind.SUBSTANTIVE_START).due()).isEqualTo(d("2026-01-04"));

        // Art. 13
        allowed(p.submitImplementationPlan(new ImplementationPlan(d("2025-01-20"), List.of("平台软件开发", "数据治理"),
                Money.yuan("600000.00"), "一季度采购，三季度上线"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.IMPLEMENTING);
        assertThat(only(p, DeadlineKind.IMPL_PLAN).statusOn(d("2025-01-20"))).isEqualTo(DeadlineStatus.MET_ON_TIME);
        allowed(p.recordPreProcurementReview(new PreProcurementReview(d("2025-02-10"), true, "同意采购"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.PROCUREMENT);

        // Art. 14, 17: the first contract is the substantive start
        allowed(p.signContract(new Contract("HT-2025-001", "苏州某信息技术有限公司", Money.yuan("600000.00"),
                d("2025-03-14"), d("2026-03-31"), null), calc));
        assertThat(p.state()).isEqualTo(ProjectState.CONTRACTED);
        assertThat(p.substantiveStartOn()).contains(d("2025-03-14"));
        assertThat(only(p, DeadlineKind.SUBSTANTIVE_START).statusOn(d("2025-03-14")))
                .isEqualTo(DeadlineStatus.MET_ON_TIME);
        Deadline filing = only(p, DeadlineKind.CONTRACT_FILING);
        assertThat(filing.ref()).isEqualTo("HT-2025-001");
        assertThat(filing.due()).isEqualTo(d("2025-03-25"));
        // 2025-06-14 is a Saturday: 2025-06-16
        assertThat(only(p, DeadlineKind.PROGRESS_REPORT).due()).isEqualTo(d("2025-06-16"));
        assertThat(only(p, DeadlineKind.WARRANTY_END).due()).isEqualTo(d("2026-03-31"));
        assertThat(p.contracts()).singleElement().extracting(Contract::filedOn).isNull();

        allowed(p.fileContract("HT-2025-001", d("2025-03-20"), pack));
        assertThat(only(p, DeadlineKind.CONTRACT_FILING).statusOn(d("2025-03-20"))).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(p.contracts()).singleElement().extracting(Contract::filedOn).isEqualTo(d("2025-03-20"));

        // Art. 16: each report meets the open one and starts the next three months
        allowed(p.reportProgress(new ProgressReport(d("2025-06-10"), 40, "完成需求分析和主体开发"), calc));
        assertThat(all(p, DeadlineKind.PROGRESS_REPORT)).extracting(x -> x.statusOn(d("2025-06-10")))
                .containsExactly(DeadlineStatus.MET_ON_TIME, DeadlineStatus.PENDING);
        assertThat(all(p, DeadlineKind.PROGRESS_REPORT).get(1).due()).isEqualTo(d("2025-09-10"));

        // Art. 22
        allowed(p.startTrialRun(d("2025-07-01"), calc));
        assertThat(p.state()).isEqualTo(ProjectState.TRIAL_RUN);
        assertThat(only(p, DeadlineKind.ACCEPTANCE_LIMIT).due()).isEqualTo(d("2026-07-01"));
        allowed(p.reportProgress(new ProgressReport(d("2025-09-05"), 90, "系统试运行平稳"), calc));
        assertThat(all(p, DeadlineKind.PROGRESS_REPORT).get(2).due()).isEqualTo(d("2025-12-05"));

        // Art. 23, 4, 24
        allowed(p.fileSelfInspection(Fixtures.completeSelfInspection(d("2025-09-10")), pack));
        assertThat(p.state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);
        allowed(p.recordSecurityReview(new SecurityReview(d("2025-09-15"), SecurityReview.Kind.CYBERSECURITY, true,
                "通过"), pack));
        allowed(p.recordAcceptance(new Acceptance(d("2025-09-26"), true, THREE_EXPERTS, TAICANG_DOCUMENTS, "验收通过",
                false), calc));
        assertThat(p.state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(p.acceptances()).singleElement().satisfies(a -> {
            assertThat(a.passed()).isTrue();
            assertThat(a.late()).isFalse();
        });
        assertThat(only(p, DeadlineKind.ACCEPTANCE_LIMIT).statusOn(d("2025-09-26"))).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(all(p, DeadlineKind.PROGRESS_REPORT).get(2).statusOn(d("2025-09-26"))).isEqualTo(DeadlineStatus.WAIVED);
        // across National Day 2025 (10-01..10-08 rest, 10-11 Saturday worked): 2025-10-13
        assertThat(only(p, DeadlineKind.ACCEPTANCE_REPORT).due()).isEqualTo(d("2025-10-13"));
        assertThat(only(p, DeadlineKind.FINAL_ACCOUNTS).due()).isEqualTo(d("2025-12-26"));

        // Art. 21, 25, 26
        allowed(p.putIntoOperation(d("2025-10-09"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.OPERATING);
        allowed(p.fileAcceptanceReport(d("2025-10-10"), pack));
        assertThat(p.state()).as("final accounts still due").isEqualTo(ProjectState.OPERATING);
        assertThat(only(p, DeadlineKind.ACCEPTANCE_REPORT).statusOn(d("2025-10-10"))).isEqualTo(DeadlineStatus.MET_ON_TIME);
        allowed(p.fileFinalAccounts(d("2025-12-01"), Money.yuan("598000.00"), pack));
        assertThat(p.state()).isEqualTo(ProjectState.CLOSED);
        assertThat(only(p, DeadlineKind.FINAL_ACCOUNTS).statusOn(d("2025-12-01"))).isEqualTo(DeadlineStatus.MET_ON_TIME);

        // only the warranty reminder stays open: O&M goes on under the unit (Art. 20)
        assertThat(p.deadlines().stream().filter(Deadline::isOpen)).extracting(Deadline::kind)
                .containsExactly(DeadlineKind.WARRANTY_END);
        assertThat(p.flagsOn(d("2026-12-31"), pack).violations()).isEmpty();
        assertThat(p.snapshot().finalAccountsAmount()).isEqualTo(Money.yuan("598000.00"));
    }

    @Test
    @DisplayName("验收报告和竣工决算在投入使用前报送的，投入使用时即办结")
    void closesWhenPutIntoOperationLast() {
        Journey j = Journey.of(profile().build(), pack).onTrial(d("2025-04-01")).cybersecReviewed(d("2025-05-10"))
                .awaitingAcceptance(d("2025-05-20"));
        allowed(j.project.recordAcceptance(j.acceptance(d("2025-06-10"), true), j.calc));
        allowed(j.project.fileAcceptanceReport(d("2025-06-12"), pack));
        allowed(j.project.fileFinalAccounts(d("2025-07-01"), Money.yuan("600000.00"), pack));
        assertThat(j.project.state()).isEqualTo(ProjectState.ACCEPTED);

        allowed(j.project.putIntoOperation(d("2025-07-02"), pack));

        assertThat(j.project.state()).isEqualTo(ProjectState.CLOSED);
    }

    @Test
    @DisplayName("逾期报送合同的予以受理，记为逾期完成")
    void lateContractFilingIsRecordedLate() {
        Journey j = Journey.of(profile().build(), pack).contracted();

        allowed(j.project.fileContract("HT-2025-001", d("2025-03-26"), pack));

        assertThat(j.deadline(DeadlineKind.CONTRACT_FILING).statusOn(d("2025-03-26"))).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(j.project.fileContract("HT-2025-001", d("2025-03-27"), pack).isRefused())
                .as("filing twice").isTrue();
        assertThat(j.project.fileContract("HT-2025-999", d("2025-03-27"), pack).isRefused())
                .as("unknown contract").isTrue();
    }
}
