package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.People;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.DeclareSupplementaryCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.SignContractCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.AddToPlanCommand;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.classifiedProfile;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.secrecy;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ways a use case refuses, each with its article, and that a refusal leaves no trace. */
class RefusalsTest {

    private FakeWorld world;

    @BeforeEach
    void setUp() {
        world = new FakeWorld(LocalDate.of(2024, 8, 20));
    }

    private ProjectId draft() {
        return world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
    }

    private ProjectId approvedProject() {
        ProjectId id = draft();
        world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
        world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
        world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲", "乙", "丙"), "同意"));
        world.approvals.proposeFunding(finance(), new ProposeFundingCommand(id, null, Money.yuan("1260000"), "同意"));
        world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, Money.yuan("1260000"), "批复"));
        return id;
    }

    private static List<Violation> refusals(Runnable action) {
        try {
            action.run();
        } catch (RefusedException e) {
            return e.violations();
        }
        throw new AssertionError("the action was not refused");
    }

    /** The Bureau opens the 2025 window on its first day (a window is never backdated), then the day is set back. */
    private void openWindow2025() {
        LocalDate today = world.clock.today();
        world.clock.set(LocalDate.of(2024, 8, 1));
        world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)));
        world.clock.set(today);
    }

    @Nested
    @DisplayName("申报")
    class Declaration {

        @Test
        @DisplayName("申报期未启动时申报被拒绝（第七条），项目仍为草稿，不留任何操作记录")
        void declarationWithoutWindowIsRefusedAndLeavesNoTrace() {
            ProjectId id = draft();
            int trail = world.audit.all().size();

            List<Violation> v = refusals(() -> world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, 1L)));

            assertThat(v).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo(RuleCode.ART7_WINDOW_CLOSED);
                assertThat(x.article()).isEqualTo("第七条");
                assertThat(x.messageZh()).startsWith("第七条：").contains("第十条");
            });
            assertThat(world.queries.get(policeStaff(), id).project().state()).isEqualTo(ProjectState.DRAFT);
            assertThat(world.queries.get(policeStaff(), id).project().version()).isEqualTo(1);
            assertThat(world.audit.all()).hasSize(trail);
        }

        @Test
        @DisplayName("申报期截止日当天可以申报，次日被拒绝")
        void theClosingDayIsInclusive() {
            openWindow2025();
            world.clock.set(LocalDate.of(2024, 9, 30));
            ProjectId onTime = draft();
            assertThat(world.declarations.declare(policeStaff(), new DeclareProjectCommand(onTime, null)).state())
                    .isEqualTo(ProjectState.DECLARED);

            world.clock.set(LocalDate.of(2024, 10, 1));
            ProjectId late = draft();
            assertThat(refusals(() -> world.declarations.declare(policeStaff(), new DeclareProjectCommand(late, null))))
                    .extracting(Violation::code).containsExactly(RuleCode.ART7_WINDOW_CLOSED);
        }

        @Test
        @DisplayName("申报期只能在计划年度前一年的第三季度启动（第七条）")
        void theWindowOpensInTheThirdQuarter() {
            assertThatThrownBy(() -> world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 6, 1), LocalDate.of(2024, 9, 30))))
                    .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.violations())
                            .extracting(Violation::code).containsExactly(RuleCode.ART7_WINDOW_CLOSED));
        }

        @Test
        @DisplayName("申报期不能倒签：开始日期早于今天的不予设置，已有的申报期不变（第七条）")
        void aWindowIsNeverBackdated() {
            openWindow2025();
            world.clock.set(LocalDate.of(2024, 9, 20));

            assertThatThrownBy(() -> world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 30))))
                    .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(v -> {
                                assertThat(v.code()).isEqualTo(RuleCode.ART7_WINDOW_CLOSED);
                                assertThat(v.messageZh()).startsWith("第七条").contains("不能倒签");
                            }));
            assertThat(world.windows.find(2025)).hasValueSatisfying(w ->
                    assertThat(w.opensOn()).isEqualTo(LocalDate.of(2024, 8, 1)));
        }

        @Test
        @DisplayName("申报期外追加申报的项目经可行性评审和市政府同意后追加列入计划（第十条）")
        void anOffWindowProjectTakesTheArticle10Path() {
            world.clock.set(LocalDate.of(2025, 5, 6));
            ProjectId id = world.declarations.createDraft(policeStaff(),
                    new CreateDraftCommand(smartPolicePlatform(2025)));
            world.declarations.declareSupplementary(policeStaff(), new DeclareSupplementaryCommand(id, null,
                    "省公安厅苏公通〔2025〕12号要求当年建成", "可行性研究方案全文"));
            world.approvals.startReview(bureau(), new StartReviewCommand(id, null));
            world.approvals.recordReview(bureau(), new RecordReviewCommand(id, null, true, List.of("甲"), "可行"));
            // no annual funding opinion on this path
            assertThat(refusals(() -> world.approvals.proposeFunding(finance(),
                    new ProposeFundingCommand(id, null, Money.yuan("1"), "x"))))
                    .extracting(Violation::article).containsExactly("第十条");
            world.approvals.recordApproval(bureau(), new RecordApprovalCommand(id, null, Money.yuan("1260000"),
                    "市政府同意追加"));
            var planned = world.approvals.addToPlan(bureau(), new AddToPlanCommand(id, null, "追加计划〔2025〕3号"));
            assertThat(planned.state()).isEqualTo(ProjectState.PLANNED);
            // its clocks start on the day it was added: one month for the implementation plan
            assertThat(world.queries.get(policeStaff(), id).deadlines())
                    .anySatisfy(d -> assertThat(d.deadline().due()).isEqualTo(LocalDate.of(2025, 6, 6)));
        }

        @Test
        @DisplayName("追加申报缺少建设要求和可研方案被拒绝（第十条）")
        void anOffWindowProjectNeedsItsReasons() {
            world.clock.set(LocalDate.of(2025, 5, 6));
            ProjectId id = world.declarations.createDraft(policeStaff(),
                    new CreateDraftCommand(smartPolicePlatform(2025)));
            assertThat(refusals(() -> world.declarations.declareSupplementary(policeStaff(),
                    new DeclareSupplementaryCommand(id, null, null, " "))))
                    .extracting(Violation::code).containsExactly(RuleCode.ART10_SUPPLEMENTARY, RuleCode.ART10_SUPPLEMENTARY);
        }
    }

    @Nested
    @DisplayName("年度计划")
    class AnnualPlan {

        @Test
        @DisplayName("年度计划整体下达：其中一个项目未落实预算则全部不下达，拒绝理由指明该项目（第九条）")
        void thePlanIsIssuedAsOneActOrNotAtAll() {
            openWindow2025();
            ProjectId funded = approvedProject();
            ProjectId unfunded = draft();
            world.declarations.declare(policeStaff(), new DeclareProjectCommand(unfunded, null));
            int reminders = world.reminders.opened().size();

            List<Violation> v = refusals(() -> world.approvals.issuePlan(bureau(),
                    new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(funded, unfunded))));

            assertThat(v).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo(RuleCode.ART9_NOT_FUNDED);
                assertThat(x.messageZh()).contains("已申报");
            });
            assertThat(world.queries.get(policeStaff(), funded).project().state()).isEqualTo(ProjectState.APPROVED);
            assertThat(world.queries.get(policeStaff(), funded).deadlines()).isEmpty();
            assertThat(world.reminders.opened()).hasSize(reminders);
            assertThat(world.audit.forProject(funded.toString())).extracting(r -> r.action()).doesNotContain("ISSUE_PLAN");
        }

        @Test
        @DisplayName("未列入计划的项目不得录入合同（第十二条）")
        void noContractOutsideThePlan() {
            openWindow2025();
            ProjectId id = approvedProject();
            assertThat(refusals(() -> world.implementation.signContract(policeStaff(), new SignContractCommand(id, null,
                    "HT-1", "供应商", Money.yuan("1"), LocalDate.of(2024, 8, 20), null))))
                    .extracting(Violation::code, Violation::article)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleCode.ART12_NOT_IN_PLAN, "第十二条"));
        }
    }

    @Nested
    @DisplayName("权限")
    class Access {

        @Test
        @DisplayName("其他单位的人员看不到本单位项目，查询时如同不存在")
        void anotherUnitSeesNothing() {
            ProjectId id = draft();
            assertThatThrownBy(() -> world.queries.get(healthStaff(), id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> world.declarations.declare(healthStaff(), new DeclareProjectCommand(id, null)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(world.queries.list(healthStaff(), new ListProjectsQuery(ProjectListFilter.none(), 1, 20)).total())
                    .isZero();
            assertThat(world.queries.list(policeStaff(), new ListProjectsQuery(ProjectListFilter.none(), 1, 20)).total())
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("审计局可以查看一切但不能办理任何事项（第四条）")
        void auditReadsButNeverActs() {
            openWindow2025();
            ProjectId id = draft();
            // a draft is its unit's own until declared (RULES.md §1)
            assertThatThrownBy(() -> world.queries.get(audit(), id)).isInstanceOf(NotFoundException.class);
            world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
            assertThat(world.queries.get(audit(), id).project().id()).isEqualTo(id);
            assertThatThrownBy(() -> world.approvals.startReview(audit(), new StartReviewCommand(id, null)))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                        assertThat(e.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
                        assertThat(e.violation().messageZh()).startsWith("第四条").contains("组织专家评审");
                    });
            assertThat(world.queries.get(policeStaff(), id).project().state()).isEqualTo(ProjectState.DECLARED);
        }

        @Test
        @DisplayName("涉密项目只有本单位、保密部门和指定的大数据局人员可见（第二十七条）")
        void classifiedProjectsAreSeenOnlyByTheEntitled() {
            openWindow2025();
            ProjectId id = world.declarations.createDraft(policeStaff(), new CreateDraftCommand(classifiedProfile(2025)));
            world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, null));
            ListProjectsQuery all = new ListProjectsQuery(ProjectListFilter.none(), 1, 20);

            assertThat(world.queries.get(policeStaff(), id).project().id()).isEqualTo(id);
            assertThat(world.queries.get(secrecy(), id).project().id()).isEqualTo(id);
            assertThat(world.queries.get(People.bureauAssigned(id), id).project().id()).isEqualTo(id);
            for (var c : List.of(bureau(), audit(), finance(), healthStaff())) {
                assertThatThrownBy(() -> world.queries.get(c, id)).as(c.actor().role().name())
                        .isInstanceOf(NotFoundException.class);
                assertThat(world.queries.list(c, all).total()).as(c.actor().role().name()).isZero();
            }
            assertThat(world.queries.list(secrecy(), all).total()).isEqualTo(1);
            assertThat(world.queries.list(People.bureauAssigned(id), all).total()).isEqualTo(1);
        }

        @Test
        @DisplayName("系统管理员看不到任何项目，也不能新建项目")
        void theAdministratorSeesNoProject() {
            ProjectId id = draft();
            assertThatThrownBy(() -> world.queries.get(People.admin(), id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> world.queries.list(People.admin(), new ListProjectsQuery(null, 1, 20)))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> world.declarations.createDraft(People.admin(),
                    new CreateDraftCommand(smartPolicePlatform(2025)))).isInstanceOf(ForbiddenException.class);
        }

        @Test
        @DisplayName("财政局不能开启申报期，实施单位不能下达计划")
        void rolesStayInTheirLane() {
            assertThatThrownBy(() -> world.declarations.openWindow(finance(), new OpenDeclarationWindowCommand(2025,
                    LocalDate.of(2024, 8, 1), LocalDate.of(2024, 9, 30)))).isInstanceOf(ForbiddenException.class);
            ProjectId id = draft();
            assertThatThrownBy(() -> world.approvals.issuePlan(policeStaff(),
                    new IssueAnnualPlanCommand(2025, "x", List.of(id)))).isInstanceOf(ForbiddenException.class);
            assertThat(People.caller("u", Role.UNIT_LEADER, People.POLICE).actor().role().isUnitRole()).isTrue();
        }
    }

    @Nested
    @DisplayName("并发与输入")
    class ConcurrencyAndInput {

        @Test
        @DisplayName("基于旧版本的操作不生效：返回冲突，项目不变")
        void aStaleVersionIsAConflict() {
            openWindow2025();
            ProjectId id = draft();
            world.declarations.declare(policeStaff(), new DeclareProjectCommand(id, 1L));
            assertThatThrownBy(() -> world.approvals.startReview(bureau(), new StartReviewCommand(id, 1L)))
                    .isInstanceOf(ConcurrentChangeException.class);
            assertThat(world.queries.get(policeStaff(), id).project().state()).isEqualTo(ProjectState.DECLARED);
        }

        @Test
        @DisplayName("合同签订日期不能晚于今天")
        void datesMayNotLieInTheFuture() {
            ProjectId id = draft();
            assertThatThrownBy(() -> world.implementation.signContract(policeStaff(), new SignContractCommand(id, null,
                    "HT-1", "供应商", Money.yuan("1"), LocalDate.of(2024, 8, 21), null)))
                    .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                        assertThat(e.field()).isEqualTo("signedOn");
                        assertThat(e.messageZh()).contains("不能晚于今天");
                    });
        }

        @Test
        @DisplayName("命令在构造时校验：缺少必填项时指明字段")
        void commandsValidateOnConstruction() {
            assertThatThrownBy(() -> new RecordReviewCommand(ProjectId.random(), null, true, List.of("甲"), "  "))
                    .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("opinion"));
            assertThatThrownBy(() -> new ListProjectsQuery(null, 0, 20))
                    .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("page"));
        }
    }
}
