package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.AuditQuery;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.FileAcceptanceReportCommand;
import cn.egov.projects.application.port.in.FileContractCommand;
import cn.egov.projects.application.port.in.FileFinalAccountsCommand;
import cn.egov.projects.application.port.in.FileSelfInspectionCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.PreProcurementReviewCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.PutIntoOperationCommand;
import cn.egov.projects.application.port.in.RecordAcceptanceCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordSecurityReviewCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.catalog.Nature;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.BudgetLine;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.SecurityReview;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static cn.egov.projects.application.fake.People.accountable;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.secrecy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A classified project (Art. 27) through its whole life, from draft to closed, done by the people inside its 知悉范围:
 * the police bureau's staff, the secrecy office, and the Bureau officer, Finance, the Cyberspace office, Audit and
 * the experts the secrecy office names into it. Before they are named, each of them finds nothing — exactly as for a
 * project that does not exist — and nobody outside the scope ever does.
 */
@DisplayName("涉密项目由知悉范围内的人员办完全部流程：指定前一律“不存在”，指定后各办其事，直至办结")
class ClassifiedProjectLifeTest {

    private static final String NAME = "涉密专网密码改造";
    private final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 1));

    private void on(int year, int month, int day) {
        w.world.clock.set(LocalDate.of(year, month, day));
    }

    private void account(String id, String name, Role role, String unit) {
        w.world.accounts.insert(new Account(id, id, name, role, new UnitId(unit), "13900000000", id + "@tc.gov.cn",
                "h", true, Set.of()));
    }

    /** The signed-in person of an account as it stands now (what a session gets once told to look again). */
    private Caller now(String userId) {
        Actor actor = w.world.accountService.current(userId).orElseThrow();
        return new Caller(actor, "req-" + userId, "10.0.0.9");
    }

    /** A classified network upgrade that uses cryptography: it needs the crypto review of Art. 4 as well. */
    private static ProjectProfile classified() {
        return new ProjectProfile(NAME, 2025, Category.SECURITY_SYSTEM, Nature.CONTINUATION, null, null, false,
                FundingSource.MUNICIPAL, true, true, List.of("涉密网改造"),
                List.of(PerformanceGoal.of("分级保护测评", GoalKind.OUTPUT, "通过分级保护测评")),
                List.of(new BudgetLine("设备与集成", Money.yuan("300000"), false)), accountable());
    }

    /** Runs a request that must fail as "not found", and returns its message. */
    private static String notFound(ThrowingCallable request) {
        NotFoundException e = catchThrowableOfType(request, NotFoundException.class);
        assertThat(e).as("not found").isNotNull();
        return e.messageZh();
    }

    private List<ProjectId> listed(Caller caller) {
        return w.world.queries.list(caller, new ListProjectsQuery(ProjectListFilter.none(), 1, 200)).items().stream()
                .map(ProjectSummary::id).toList();
    }

    @Test
    @DisplayName("涉密项目从草稿到办结：财政资金意见、网络安全审查、密码应用审查、验收和竣工决算都由知悉范围内的人员办理")
    void aClassifiedProjectIsFinishedInsideItsScope() {
        account("jiang", "蒋经办", Role.BDB_OFFICER, "TC-DSJ");
        account("zhou", "周财政", Role.FINANCE, "TC-CZJ");
        account("zheng", "郑网信", Role.CYBERSEC, "TC-WXB");
        account("wu", "吴审计", Role.AUDIT, "TC-SJJ");
        account("qian", "钱专家", Role.EXPERT, "TC-ZJK");
        account("li", "李专家", Role.EXPERT, "TC-ZJK");
        List<String> scope = List.of("jiang", "zhou", "zheng", "wu", "qian");

        w.world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025, LocalDate.of(2024, 8, 1),
                LocalDate.of(2024, 9, 30)));
        on(2024, 8, 20);
        ProjectId id = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(classified()));
        w.world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        ProjectId nothing = ProjectId.random();

        // before the secrecy office names them, the project does not exist for any of them
        for (String user : scope) {
            Caller c = now(user);
            assertThat(notFound(() -> w.pages.page(c, id))).as(user)
                    .isEqualTo(notFound(() -> w.pages.page(c, nothing)));
            assertThat(notFound(() -> w.assignments.assignments(c, id))).isEqualTo("项目不存在或不在您的办理范围内");
            assertThat(listed(c)).as(user).doesNotContain(id);
        }
        notFound(() -> w.world.approvals.startReview(now("jiang"), new StartReviewCommand(id, null)));
        notFound(() -> w.world.approvals.proposeFunding(now("zhou"), new ProposeFundingCommand(id, null,
                Money.yuan("300000"), "同意")));
        notFound(() -> w.world.oversight.recordSecurityReview(now("zheng"), new RecordSecurityReviewCommand(id,
                null, SecurityReview.Kind.CYBERSECURITY, true, "通过")));
        assertThat(w.oversightReports.search(now("wu"), new AuditQuery(new AuditFilter(Optional.empty(),
                Optional.empty(), Optional.of(id.toString()), Optional.empty(), Optional.empty()), 1, 50)).total())
                .isZero();
        assertThat(w.world.audit.forProject(id.toString())).extracting(AuditRecord::action)
                .containsExactly("CREATE_DRAFT", "DECLARE");

        // the secrecy office names the Bureau officer, Finance, the Cyberspace office, Audit and the review expert
        // once the security administrator has cleared them (涉密资格)
        scope.forEach(user -> w.clearances.grant(cn.egov.projects.application.fake.People.securityAdmin(), user));
        w.accessChanged.clear();
        scope.forEach(user -> w.assignments.assign(secrecy(), id, user));
        assertThat(w.accessChanged).containsExactlyElementsOf(scope);
        for (String user : scope) {
            assertThat(w.pages.page(now(user), id).details().project().profile().name()).isEqualTo(NAME);
            assertThat(listed(now(user))).as(user).contains(id);
        }
        notFound(() -> w.pages.page(bureau(), id));

        // autumn 2024: review (Art. 8), the expert's opinion as a document, Finance's funding opinion
        on(2024, 10, 10);
        w.world.approvals.startReview(now("jiang"), new StartReviewCommand(id, null));
        w.documents.attach(now("qian"), new AttachDocumentCommand(id, "专家评审意见", "评审意见.pdf",
                "application/pdf", "%PDF-1.7 评审意见".getBytes(StandardCharsets.UTF_8)));
        w.world.approvals.recordReview(now("jiang"), new RecordReviewCommand(id, null, true,
                List.of("钱专家", "赵专家", "孙专家"), "建设必要，方案可行"));
        on(2024, 11, 15);
        w.world.approvals.proposeFunding(now("zhou"), new ProposeFundingCommand(id, null, Money.yuan("300000"),
                "同意安排"));

        // a refusal about the project tells which one by its number, never by its name
        on(2024, 12, 1);
        RefusedException early = catchThrowableOfType(() -> w.world.approvals.issuePlan(now("jiang"),
                new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(id))), RefusedException.class);
        assertThat(early.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(RuleCode.ART9_NOT_FUNDED);
            assertThat(v.messageZh()).contains("「涉密项目（" + id.shortNumber() + "）」")
                    .doesNotContain(NAME);
        });

        on(2024, 12, 20);
        w.world.approvals.recordApproval(now("jiang"), new RecordApprovalCommand(id, null, Money.yuan("300000"),
                "太政复〔2024〕99号"));
        on(2025, 1, 24);
        w.world.approvals.issuePlan(now("jiang"), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(id)));

        // 2025: implementation, procurement and contract (Art. 13, 14)
        on(2025, 2, 20);
        w.world.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(id, null,
                List.of("涉密网改造"), Money.yuan("300000"), "2025年4月采购，9月上线试运行"));
        on(2025, 3, 3);
        w.world.implementation.reviewBeforeProcurement(now("jiang"), new PreProcurementReviewCommand(id, null, true,
                "同意采购"));
        on(2025, 4, 28);
        w.world.implementation.signContract(policeStaff(), new SignContractCommand(id, null, "HT-2025-S01",
                "苏州某保密技术有限公司", Money.yuan("290000"), LocalDate.of(2025, 4, 25), LocalDate.of(2028, 6, 30)));
        on(2025, 5, 6);
        w.world.implementation.fileContract(policeStaff(), new FileContractCommand(id, null, "HT-2025-S01"));

        // trial run (Art. 22), then the Cyberspace office's and the secrecy office's reviews (Art. 4)
        on(2025, 9, 1);
        w.world.acceptance.startTrialRun(policeStaff(), new StartTrialRunCommand(id, null, LocalDate.of(2025, 9, 1)));
        on(2025, 10, 20);
        w.world.oversight.recordSecurityReview(now("zheng"), new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CYBERSECURITY, true, "符合网络安全要求"));
        w.world.oversight.recordSecurityReview(secrecy(), new RecordSecurityReviewCommand(id, null,
                SecurityReview.Kind.CRYPTOGRAPHY, true, "密码应用符合要求"));
        on(2025, 10, 28);
        w.world.acceptance.fileSelfInspection(policeStaff(), new FileSelfInspectionCommand(id, null,
                "全部建设内容已完成", "已整理资源目录5项", "通过分级保护测评", List.of(GoalAchievement.reported(
                        "分级保护测评", "已通过", Attainment.MET, null))));

        // the acceptance expert: the unit may not name anyone into the scope; the secrecy office does
        ForbiddenException byUnit = catchThrowableOfType(() -> w.assignments.assign(policeStaff(), id, "li"),
                ForbiddenException.class);
        assertThat(byUnit.violation().messageZh()).contains("「指定涉密项目知悉范围人员」由");
        notFound(() -> w.pages.page(now("li"), id));
        w.clearances.grant(cn.egov.projects.application.fake.People.securityAdmin(), "li");
        w.assignments.assign(secrecy(), id, "li");
        assertThat(w.pages.page(now("li"), id).details().project().id()).isEqualTo(id);

        // acceptance (Art. 24), into use (Art. 21), the acceptance report (Art. 25), Finance's final accounts (Art. 26)
        on(2025, 11, 3);
        TransitionResult accepted = w.world.acceptance.recordAcceptance(policeStaff(), new RecordAcceptanceCommand(id,
                null, LocalDate.of(2025, 11, 3), true, List.of("李专家", "赵专家", "孙专家"),
                PolicyPacks.taicang().acceptanceDocuments(), "同意通过验收"));
        assertThat(accepted.state()).isEqualTo(ProjectState.ACCEPTED);
        on(2025, 11, 4);
        w.world.acceptance.putIntoOperation(policeStaff(), new PutIntoOperationCommand(id, null));
        on(2025, 11, 10);
        w.world.acceptance.fileAcceptanceReport(policeStaff(), new FileAcceptanceReportCommand(id, null));
        on(2026, 1, 20);
        TransitionResult closed = w.world.acceptance.fileFinalAccounts(now("zhou"), new FileFinalAccountsCommand(id,
                null, Money.yuan("288000")));
        assertThat(closed.state()).isEqualTo(ProjectState.CLOSED);

        // Audit, named into the scope, reads the whole story; someone outside it still finds nothing
        List<String> story = List.of("CREATE_DRAFT", "DECLARE", "ASSIGN_TO_SCOPE", "ASSIGN_TO_SCOPE",
                "ASSIGN_TO_SCOPE", "ASSIGN_TO_SCOPE", "ASSIGN_TO_SCOPE", "START_REVIEW", "ATTACH_DOCUMENT",
                "RECORD_REVIEW", "PROPOSE_FUNDING", "RECORD_APPROVAL", "ISSUE_PLAN", "SUBMIT_IMPLEMENTATION_PLAN",
                "PRE_PROCUREMENT_REVIEW", "SIGN_CONTRACT", "FILE_CONTRACT", "START_TRIAL_RUN",
                "RECORD_CYBERSEC_REVIEW", "RECORD_CRYPTO_REVIEW", "FILE_SELF_INSPECTION", "ASSIGN_TO_SCOPE",
                "RECORD_ACCEPTANCE", "PUT_INTO_OPERATION", "FILE_ACCEPTANCE_REPORT", "FILE_FINAL_ACCOUNTS");
        assertThat(w.pages.page(now("wu"), id).timeline()).extracting(AuditEntry::action)
                .containsExactlyElementsOf(story);
        assertThat(w.oversightReports.search(now("wu"), new AuditQuery(new AuditFilter(Optional.empty(),
                Optional.empty(), Optional.of(id.toString()), Optional.empty(), Optional.empty()), 1, 50)).total())
                .isEqualTo(story.size());
        assertThatThrownBy(() -> w.world.oversight.recordSecurityReview(now("wu"), new RecordSecurityReviewCommand(id,
                null, SecurityReview.Kind.CYBERSECURITY, true, "通过"))).isInstanceOf(ForbiddenException.class);
        notFound(() -> w.pages.page(bureau(), id));
        assertThat(w.oversightReports.search(bureau(), new AuditQuery(new AuditFilter(Optional.empty(),
                Optional.empty(), Optional.of(id.toString()), Optional.empty(), Optional.empty()), 1, 50)).total())
                .isZero();

        // removed from the scope, Finance finds nothing again
        w.assignments.unassign(secrecy(), id, "zhou");
        assertThat(notFound(() -> w.pages.page(now("zhou"), id))).isEqualTo(notFound(() -> w.pages.page(now("zhou"),
                nothing)));
        assertThat(listed(now("zhou"))).doesNotContain(id);
    }
}
