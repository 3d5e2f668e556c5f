package cn.egov.projects.application.service;

import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.FileAcceptanceReportCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileFinalAccountsCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProjectDetails;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.PutIntoOperationCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.deadline.DeadlineStatus;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.cybersec;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One project through its whole life under Taicang's measures, told as the staff live it, through the real use
 * cases over in-memory fakes of the output ports. Every due day below was worked out by hand from the official
 * calendar (2025 and 2026 holiday notices).
 */
class ProjectLifeScenarioTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2024, 8, 1));

    private void on(int year, int month, int day) {
        world.clock.set(LocalDate.of(year, month, day));
    }

    private ProjectDetails details(ProjectId id) {
        return world.queries.get(policeStaff(), id);
    }

    private ProjectDetails.DeadlineView deadline(ProjectId id, DeadlineKind kind) {
        List<ProjectDetails.DeadlineView> all = details(id).deadlines().stream()
                .filter(d -> d.deadline().kind() == kind).toList();
        assertThat(all).as("deadlines of kind %s", kind).isNotEmpty();
        return all.get(all.size() - 1);
    }

    @Test
    @DisplayName("智慧公安数据平台从申报到办结的一生：每一步的状态、期限、逾期记录和操作记录都正确")
    void aProjectLivesItsWholeLife() {
        // 2024-08-01: the Bureau opens the window for plan year 2025 in the third quarter (Art. 7).
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));

        // 2024-08-20: the police bureau's staff draft and declare a new software project of 1,260,000 yuan
        // that budgets its supervision inside (Art. 15) and names its leader and responsible person (Art. 19).
        on(2024, 8, 20);
        ProjectId id = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        TransitionResult declared = world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, 1L));
        assertThat(declared.state()).isEqualTo(ProjectState.DECLARED);
        assertThat(declared.version()).isEqualTo(2);

        // Autumn 2024: expert review (Art. 8), Finance's funding opinion, the government's decision.
        on(2024, 10, 10);
        world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true,
                List.of("张专家", "赵专家", "钱专家"), "建设必要，方案可行"));
        on(2024, 11, 15);
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, Money.yuan("1260000"), "同意安排"));
        on(2024, 12, 20);
        TransitionResult approved = world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null,
                Money.yuan("1260000"), "太政复〔2024〕88号"));
        assertThat(approved.state()).isEqualTo(ProjectState.APPROVED);

        // 2025-01-24 (Friday): the annual plan is issued (Art. 9). The implementation plan is due one month
        // later, 2025-02-24 (Monday); the substantive start within a year: 2026-01-24 is a Saturday, so the
        // period ends on Monday 2026-01-26 (民法典第二百零三条).
        on(2025, 1, 24);
        world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(id)));
        assertThat(deadline(id, DeadlineKind.IMPL_PLAN).deadline().due()).isEqualTo(LocalDate.of(2025, 2, 24));
        assertThat(deadline(id, DeadlineKind.SUBSTANTIVE_START).deadline().due()).isEqualTo(LocalDate.of(2026, 1, 26));
        assertThat(world.reminders.opened()).extracting(d -> d.kind())
                .containsExactly(DeadlineKind.IMPL_PLAN, DeadlineKind.SUBSTANTIVE_START);

        // 2025-02-20: the implementation plan, within the approved budget and content (Art. 13) — on time.
        on(2025, 2, 20);
        world.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(id, null,
                List.of("数据汇聚平台", "警情分析系统"), Money.yuan("1260000"), "2025年4月招标，9月上线试运行"));
        assertThat(deadline(id, DeadlineKind.IMPL_PLAN).status()).isEqualTo(DeadlineStatus.MET_ON_TIME);

        // 2025-03-03: the Bureau's review before procurement (Art. 13).
        on(2025, 3, 3);
        world.implementation.reviewBeforeProcurement(bureau(), new PreProcurementReviewCommand(id, null, true, "同意采购"));

        // 2025-04-25 (Friday): the contract is signed — the substantive start (Art. 17). Filing within 7 working
        // days (Art. 14) counts Sunday 04-27 (a 调休 working day), 04-28..04-30, skips the May Day rest
        // 05-01..05-05, then 05-06, 05-07, 05-08: due Thursday 2025-05-08.
        on(2025, 4, 28);
        world.implementation.signContract(policeStaff(), new SignContractCommand(id, null, "HT-2025-001",
                "苏州某信息技术有限公司", Money.yuan("1200000"), LocalDate.of(2025, 4, 25), LocalDate.of(2028, 6, 30)));
        assertThat(deadline(id, DeadlineKind.SUBSTANTIVE_START).status()).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(deadline(id, DeadlineKind.CONTRACT_FILING).deadline().due()).isEqualTo(LocalDate.of(2025, 5, 8));
        assertThat(deadline(id, DeadlineKind.PROGRESS_REPORT).deadline().due()).isEqualTo(LocalDate.of(2025, 7, 25));
        assertThat(deadline(id, DeadlineKind.WARRANTY_END).deadline().due()).isEqualTo(LocalDate.of(2028, 6, 30));

        // 2025-05-09: the contract is filed one day late: accepted, and recorded as met late.
        on(2025, 5, 9);
        world.implementation.fileContract(policeStaff(), new FileContractCommand(id, null, "HT-2025-001"));
        assertThat(deadline(id, DeadlineKind.CONTRACT_FILING).status()).isEqualTo(DeadlineStatus.MET_LATE);

        // 2025-07-20: a progress report (Art. 16); the next is due three months later, Monday 2025-10-20.
        on(2025, 7, 20);
        world.implementation.reportProgress(policeStaff(), new ReportProgressCommand(id, null, 60, "开发完成60%"));
        assertThat(deadline(id, DeadlineKind.PROGRESS_REPORT).deadline().due()).isEqualTo(LocalDate.of(2025, 10, 20));

        // 2025-09-01: the system goes live on trial (Art. 22); acceptance must be completed by 2026-09-01.
        on(2025, 9, 1);
        world.acceptance.startTrialRun(policeStaff(), new StartTrialRunCommand(id, null, LocalDate.of(2025, 9, 1)));
        assertThat(deadline(id, DeadlineKind.ACCEPTANCE_LIMIT).deadline().due()).isEqualTo(LocalDate.of(2026, 9, 1));

        // Autumn 2025: the Cyberspace office's review (Art. 4) and the self-inspection report (Art. 23).
        on(2025, 10, 20);
        world.oversight.recordSecurityReview(cybersec(), new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CYBERSECURITY, true, "符合网络安全要求"));
        on(2025, 10, 28);
        world.acceptance.fileSelfInspection(policeStaff(), new FileSelfInspectionCommand(id, null,
                "全部建设内容已完成", "已整理资源目录32项", "警情处置时间缩短23%", List.of(GoalAchievement.reported(
                        People.GOAL.indicator(), "23%", Attainment.MET, null))));

        // A software project's trial must last two months: from 2025-09-01 the period ends 2025-11-01, so an
        // acceptance on 2025-11-01 is refused (Art. 22) and leaves no trace …
        on(2025, 11, 1);
        int auditBefore = world.audit.all().size();
        assertThatThrownBy(() -> world.acceptance.recordAcceptance(policeStaff(), acceptanceOn(id, 2025, 11, 1)))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.code()).isEqualTo(RuleCode.ART22_TRIAL_TOO_SHORT);
                            assertThat(v.messageZh()).startsWith("第二十二条").contains("2025-11-02");
                        }));
        assertThat(world.audit.all()).hasSize(auditBefore);
        assertThat(details(id).project().state()).isEqualTo(ProjectState.ACCEPTANCE_PENDING);

        // … and passes on Monday 2025-11-03. The acceptance report is due within 7 working days (2025-11-12),
        // the final accounts within 3 months (2026-02-03); progress reports are no longer due.
        on(2025, 11, 3);
        TransitionResult accepted = world.acceptance.recordAcceptance(policeStaff(), acceptanceOn(id, 2025, 11, 3));
        assertThat(accepted.state()).isEqualTo(ProjectState.ACCEPTED);
        assertThat(accepted.flags()).isEmpty();
        assertThat(deadline(id, DeadlineKind.ACCEPTANCE_LIMIT).status()).isEqualTo(DeadlineStatus.MET_ON_TIME);
        assertThat(deadline(id, DeadlineKind.ACCEPTANCE_REPORT).deadline().due()).isEqualTo(LocalDate.of(2025, 11, 12));
        assertThat(deadline(id, DeadlineKind.FINAL_ACCOUNTS).deadline().due()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(deadline(id, DeadlineKind.PROGRESS_REPORT).status()).isEqualTo(DeadlineStatus.WAIVED);

        // Into use (Art. 21), the acceptance report (Art. 25), and Finance files the final accounts (Art. 26).
        on(2025, 11, 4);
        world.acceptance.putIntoOperation(policeStaff(), new PutIntoOperationCommand(id, null));
        on(2025, 11, 10);
        world.acceptance.fileAcceptanceReport(policeStaff(), new FileAcceptanceReportCommand(id, null));
        on(2026, 1, 20);
        TransitionResult closed = world.acceptance.fileFinalAccounts(finance(),
                new FileFinalAccountsCommand(id, null, Money.yuan("1248000")));
        assertThat(closed.state()).isEqualTo(ProjectState.CLOSED);

        ProjectDetails end = details(id);
        assertThat(end.deadlines()).extracting(d -> d.deadline().kind() + ":" + d.status()).containsExactlyInAnyOrder(
                "IMPL_PLAN:MET_ON_TIME", "SUBSTANTIVE_START:MET_ON_TIME", "CONTRACT_FILING:MET_LATE",
                "WARRANTY_END:PENDING", "PROGRESS_REPORT:MET_ON_TIME", "PROGRESS_REPORT:WAIVED",
                "ACCEPTANCE_LIMIT:MET_ON_TIME", "ACCEPTANCE_REPORT:MET_ON_TIME", "FINAL_ACCOUNTS:MET_ON_TIME");

        // The audit trail tells the whole story: who, which article, from which state to which.
        List<AuditRecord> trail = world.audit.forProject(id.toString());
        assertThat(trail).extracting(AuditRecord::action).containsExactly(
                "CREATE_DRAFT", "DECLARE", "START_REVIEW", "RECORD_REVIEW", "PROPOSE_FUNDING", "RECORD_APPROVAL",
                "ISSUE_PLAN", "SUBMIT_IMPLEMENTATION_PLAN", "PRE_PROCUREMENT_REVIEW", "SIGN_CONTRACT",
                "FILE_CONTRACT", "REPORT_PROGRESS", "START_TRIAL_RUN", "RECORD_CYBERSEC_REVIEW",
                "FILE_SELF_INSPECTION", "RECORD_ACCEPTANCE", "PUT_INTO_OPERATION", "FILE_ACCEPTANCE_REPORT",
                "FILE_FINAL_ACCOUNTS");
        AuditRecord contract = trail.get(9);
        assertThat(contract.userId()).isEqualTo("police-staff");
        assertThat(contract.article()).isEqualTo("第十四条");
        assertThat(contract.fromState()).isEqualTo(ProjectState.PROCUREMENT);
        assertThat(contract.toState()).isEqualTo(ProjectState.CONTRACTED);
        assertThat(contract.summary()).contains("HT-2025-001", "1,200,000.00元");
        assertThat(contract.requestId()).isEqualTo("req-police-staff");
        assertThat(trail.get(trail.size() - 1).userId()).isEqualTo("finance");
    }

    @Test
    @DisplayName("同一项目在另一政策包下判定不同：示例市合同报送期限为5个工作日")
    void anotherMunicipalityJudgesTheSameProjectDifferently() {
        FakeWorld other = new FakeWorld(LocalDate.of(2024, 9, 1), PolicyPacks.example());
        other.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 9, 1), LocalDate.of(2024, 10, 31)));
        ProjectId id = other.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        other.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        other.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        other.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲", "乙", "丙"), "同意"));
        other.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, Money.yuan("1260000"), "同意"));
        other.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, Money.yuan("1260000"), "批复"));
        other.clock.set(LocalDate.of(2025, 1, 24));
        other.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "计划", List.of(id)));
        other.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(id, null,
                List.of("数据汇聚平台", "警情分析系统"), Money.yuan("1260000"), "进度"));
        other.implementation.reviewBeforeProcurement(bureau(), new PreProcurementReviewCommand(id, null, true, "同意"));
        other.clock.set(LocalDate.of(2025, 4, 28));
        other.implementation.signContract(policeStaff(), new SignContractCommand(id, null, "HT-1", "供应商",
                Money.yuan("1200000"), LocalDate.of(2025, 4, 25), null));

        // 5 working days from Friday 2025-04-25: 04-27 (调休 Sunday), 04-28, 04-29, 04-30, then after May Day 05-06.
        ProjectDetails d = other.queries.get(policeStaff(), id);
        assertThat(d.deadlines()).filteredOn(v -> v.deadline().kind() == DeadlineKind.CONTRACT_FILING)
                .singleElement().satisfies(v -> assertThat(v.deadline().due()).isEqualTo(LocalDate.of(2025, 5, 6)));
    }

    private static RecordAcceptanceCommand acceptanceOn(ProjectId id, int y, int m, int d) {
        return new RecordAcceptanceCommand(id, null, LocalDate.of(y, m, d), true, List.of("张专家", "赵专家", "钱专家"),
                PolicyPacks.taicang().acceptanceDocuments(), "同意通过验收");
    }
}
