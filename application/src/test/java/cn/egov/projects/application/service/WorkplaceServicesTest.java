package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.AuditQuery;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.IdempotencyUseCase;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.ProjectPage;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cn.egov.projects.application.fake.People.admin;
import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.bureauAssigned;
import static cn.egov.projects.application.fake.People.classifiedProfile;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("工作台：项目页、我的待办、合规统计、操作记录查询、年度计划、日历订阅与幂等键")
class WorkplaceServicesTest {

    private final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 1));

    /** A classified project of the police bureau, declared for 2025 (a draft is its unit's own until then). */
    private ProjectId declaredSecret() {
        LocalDate today = w.world.clock.today();
        w.world.clock.set(LocalDate.of(2024, 8, 1));
        if (w.world.windows.find(2025).isEmpty()) {
            w.world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
        }
        ProjectId id = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(classifiedProfile(2025)));
        w.world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        w.world.clock.set(today);
        return id;
    }

    /** A project of the police bureau taken into the 2025 plan issued on 2025-01-24. */
    private ProjectId planned(ProjectProfile profile) {
        w.world.clock.set(LocalDate.of(2024, 8, 1));
        if (w.world.windows.find(2025).isEmpty()) {
            w.world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
        }
        ProjectId id = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(profile));
        w.world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        w.world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        w.world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲", "乙", "丙"),
                "同意"));
        Money budget = profile.totalInvestment();
        w.world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, budget, "同意"));
        w.world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, budget, "批复"));
        w.world.clock.set(LocalDate.of(2025, 1, 24));
        w.world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(id)));
        return id;
    }

    @Test
    @DisplayName("项目页给出可办理的操作、按时间排列的操作记录；别的单位看不到该项目")
    void projectPage() {
        ProjectId id = planned(smartPolicePlatform(2025));

        ProjectPage page = w.pages.page(policeStaff(), id);

        assertThat(page.actions()).contains(Action.SUBMIT_IMPLEMENTATION_PLAN).doesNotContain(Action.ISSUE_PLAN);
        assertThat(page.timeline()).extracting(AuditEntry::action).startsWith("CREATE_DRAFT", "DECLARE")
                .endsWith("ISSUE_PLAN");
        assertThat(page.timeline().get(page.timeline().size() - 1).article()).isEqualTo("第九条");
        assertThat(w.pages.page(bureau(), id).actions()).doesNotContain(Action.SUBMIT_IMPLEMENTATION_PLAN)
                .contains(Action.TERMINATE);
        assertThatThrownBy(() -> w.pages.page(healthStaff(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.pages.page(admin(), id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("我的待办：实施单位看到本单位的实施方案期限（第十三条）及其办理操作，按紧急程度区分；他单位看不到")
    void myDeadlines() {
        ProjectId id = planned(smartPolicePlatform(2025));

        w.world.clock.set(LocalDate.of(2025, 2, 20));
        List<ToDo> soon = w.toDo.myDeadlines(policeStaff(), 30);
        assertThat(soon).singleElement().satisfies(t -> {
            assertThat(t.due().projectId()).isEqualTo(id);
            assertThat(t.due().deadline().kind()).isEqualTo(DeadlineKind.IMPL_PLAN);
            assertThat(t.due().deadline().due()).isEqualTo(LocalDate.of(2025, 2, 24));
            assertThat(t.urgency()).isEqualTo(ToDo.Urgency.DUE_SOON);
            assertThat(t.article()).isEqualTo("第十三条");
            assertThat(t.action()).isEqualTo(Action.SUBMIT_IMPLEMENTATION_PLAN);
        });
        assertThat(w.toDo.myDeadlines(healthStaff(), 400)).isEmpty();
        assertThat(w.toDo.myDeadlines(finance(), 400)).isEmpty();
        assertThat(w.toDo.myDeadlines(bureau(), 400)).hasSize(2);

        w.world.clock.set(LocalDate.of(2025, 2, 24));
        assertThat(w.toDo.myDeadlines(policeStaff(), 1)).extracting(ToDo::urgency)
                .containsExactly(ToDo.Urgency.DUE_TODAY);
        w.world.clock.set(LocalDate.of(2025, 2, 25));
        assertThat(w.toDo.myDeadlines(policeStaff(), 1)).extracting(ToDo::urgency)
                .containsExactly(ToDo.Urgency.OVERDUE);
        assertThat(w.toDo.overdue(bureau())).hasSize(1);
        assertThat(w.toDo.overdue(audit())).hasSize(1);
        assertThatThrownBy(() -> w.toDo.overdue(admin())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.toDo.myDeadlines(policeStaff(), 0)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    @DisplayName("合规统计：逾期未报实施方案计入单位逾期数；一年未实质性启动的项目按第十七条标记；仅大数据局和审计局可看")
    void compliance() {
        planned(smartPolicePlatform(2025));
        w.world.clock.set(LocalDate.of(2026, 3, 1));

        List<UnitCompliance> figures = w.oversightReports.compliance(bureau());

        assertThat(figures).singleElement().satisfies(u -> {
            assertThat(u.unit().code()).isEqualTo("TC-GAJ");
            assertThat(u.projects()).isEqualTo(1);
            assertThat(u.overdue()).isEqualTo(2);
            assertThat(u.art17Flagged()).isEqualTo(1);
            assertThat(u.onTimeShare()).isZero();
        });
        assertThat(w.oversightReports.compliance(audit())).hasSize(1);
        assertThatThrownBy(() -> w.oversightReports.compliance(policeStaff())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("操作记录查询：按用户和操作筛选；涉密项目的记录对知悉范围外的人既不列出也不计数，与不存在的项目一样；实施单位无权查询")
    void auditSearch() {
        ProjectId open = planned(smartPolicePlatform(2025));
        ProjectId secret = declaredSecret();

        var page = w.oversightReports.search(audit(), new AuditQuery(new AuditFilter(Optional.of("police-staff"),
                Optional.of("CREATE_DRAFT"), Optional.empty(), Optional.empty(), Optional.empty()), 1, 50));

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).singleElement().satisfies(e -> {
            assertThat(e.projectId()).isEqualTo(open.toString());
            assertThat(e.summary()).contains("2025年度");
        });
        AuditFilter bySecret = new AuditFilter(Optional.empty(), Optional.empty(), Optional.of(secret.toString()),
                Optional.empty(), Optional.empty());
        AuditFilter byNothing = new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(ProjectId.random().toString()), Optional.empty(), Optional.empty());
        for (var outside : List.of(audit(), bureau())) {
            var found = w.oversightReports.search(outside, new AuditQuery(bySecret, 1, 50));
            var none = w.oversightReports.search(outside, new AuditQuery(byNothing, 1, 50));
            assertThat(found.items()).isEmpty();
            assertThat(found.total()).isZero().isEqualTo(none.total());
        }
        var assigned = w.oversightReports.search(bureauAssigned(secret), new AuditQuery(bySecret, 1, 50));
        assertThat(assigned.items()).hasSize(2).allSatisfy(e -> assertThat(e.classified()).isTrue())
                .anySatisfy(e -> assertThat(e.summary()).contains("新建项目草稿"));
        var auditNamed = w.oversightReports.search(People.namedTo(audit(), secret),
                new AuditQuery(bySecret, 1, 50));
        assertThat(auditNamed.total()).isEqualTo(2);
        assertThatThrownBy(() -> w.oversightReports.search(policeStaff(), new AuditQuery(null, 1, 20)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("合规统计不计知悉范围外的涉密项目：市审计局未被指定时只数到非涉密项目，被指定后才计入")
    void complianceLeavesClassifiedProjectsOutsideTheScopeOut() {
        planned(smartPolicePlatform(2025));
        ProjectId secret = declaredSecret();
        w.world.clock.set(LocalDate.of(2026, 3, 1));

        assertThat(w.oversightReports.compliance(audit())).singleElement()
                .satisfies(u -> assertThat(u.projects()).isEqualTo(1));
        assertThat(w.oversightReports.compliance(bureau())).singleElement()
                .satisfies(u -> assertThat(u.projects()).isEqualTo(1));
        assertThat(w.oversightReports.compliance(People.namedTo(audit(), secret))).singleElement()
                .satisfies(u -> assertThat(u.projects()).isEqualTo(2));
    }

    @Test
    @DisplayName("年度计划导出只含已列入计划且非涉密的项目")
    void annualPlan() {
        ProjectId open = planned(smartPolicePlatform(2025));
        w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(classifiedProfile(2025)));
        w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));

        assertThat(w.oversightReports.annualPlan(bureau(), 2025)).extracting(s -> s.id()).containsExactly(open);
        assertThat(w.oversightReports.annualPlan(policeStaff(), 2025)).extracting(s -> s.id()).containsExactly(open);
        assertThat(w.oversightReports.annualPlan(healthStaff(), 2025)).isEmpty();
    }

    @Test
    @DisplayName("日历订阅令牌：签发后可取本人期限，重新签发使旧令牌失效，撤销后不可用，均有操作记录")
    void calendarTokens() {
        var police = w.world.accountService;
        Caller admin = admin();
        police.createAccount(null, new cn.egov.projects.application.port.in.CreateAccountCommand("root", "管理员",
                cn.egov.projects.domain.access.Role.ADMIN, new cn.egov.projects.domain.project.UnitId("TC-DSJ"),
                null, null, "Very-Long-Password".toCharArray()));
        police.createAccount(w.world.accountService.authenticate("root", "Very-Long-Password".toCharArray())
                        .map(a -> new Caller(a, "r", "-")).orElse(admin),
                new cn.egov.projects.application.port.in.CreateAccountCommand("zhang", "张三",
                        cn.egov.projects.domain.access.Role.UNIT_STAFF,
                        new cn.egov.projects.domain.project.UnitId("TC-GAJ"), null, null,
                        "Very-Long-Password".toCharArray()));
        Caller zhang = new Caller(w.world.accountService.authenticate("zhang", "Very-Long-Password".toCharArray())
                .orElseThrow(), "r", "-");
        planned(smartPolicePlatform(2025));

        String first = w.calendarFeeds.issueToken(zhang);
        assertThat(first).hasSize(43);
        assertThat(w.calendarFeeds.feed(first)).hasValueSatisfying(f -> {
            assertThat(f.owner().userId()).isEqualTo(zhang.actor().userId());
            assertThat(f.items()).extracting(t -> t.due().deadline().kind())
                    .contains(DeadlineKind.IMPL_PLAN, DeadlineKind.SUBSTANTIVE_START);
        });
        String second = w.calendarFeeds.issueToken(zhang);
        assertThat(w.calendarFeeds.feed(first)).isEmpty();
        assertThat(w.calendarFeeds.feed(second)).isPresent();
        assertThat(w.calendarFeeds.revokeToken(zhang)).isTrue();
        assertThat(w.calendarFeeds.feed(second)).isEmpty();
        assertThat(w.calendarFeeds.feed("not a token")).isEmpty();
        assertThat(w.world.audit.all()).filteredOn(r -> "CALENDAR_TOKEN".equals(r.action())).hasSize(3);
    }

    @Test
    @DisplayName("幂等键：首次放行，完成后重试得到首次的答复，处理中为进行中，另作他用被拒绝")
    void idempotency() {
        Caller police = policeStaff();

        assertThat(w.idempotency.claim(police, "key-00000001", "POST /a #1")).isInstanceOf(IdempotencyUseCase.Fresh.class);
        assertThat(w.idempotency.claim(police, "key-00000001", "POST /a #1"))
                .isInstanceOf(IdempotencyUseCase.InProgress.class);
        w.idempotency.complete(police, "key-00000001", 201, "{\"id\":1}");
        assertThat(w.idempotency.claim(police, "key-00000001", "POST /a #1"))
                .isEqualTo(new IdempotencyUseCase.Replay(201, "{\"id\":1}"));
        assertThat(w.idempotency.claim(police, "key-00000001", "POST /b #2"))
                .isEqualTo(new IdempotencyUseCase.Reused("POST /a #1"));
        assertThat(w.idempotency.claim(healthStaff(), "key-00000001", "POST /a #1"))
                .isInstanceOf(IdempotencyUseCase.Fresh.class);
        w.idempotency.release(healthStaff(), "key-00000001");
        assertThat(w.idempotency.claim(healthStaff(), "key-00000001", "POST /a #1"))
                .isInstanceOf(IdempotencyUseCase.Fresh.class);
        w.world.clock.advanceDays(2);
        assertThat(w.idempotency.claim(police, "key-00000001", "POST /b #2"))
                .isInstanceOf(IdempotencyUseCase.Fresh.class);
        assertThatThrownBy(() -> w.idempotency.claim(police, "short", "x"))
                .isInstanceOf(InvalidCommandException.class);
    }
}
