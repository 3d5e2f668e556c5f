package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.ProposeFundingCommand;
import cn.egov.projects.application.port.in.RecordApprovalCommand;
import cn.egov.projects.application.port.in.RecordReviewCommand;
import cn.egov.projects.application.port.in.RecordStartWithoutProcurementCommand;
import cn.egov.projects.application.port.in.StartReviewCommand;
import cn.egov.projects.application.port.in.StartTrialRunCommand;
import cn.egov.projects.application.port.in.SubmitImplementationPlanCommand;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static cn.egov.projects.application.fake.People.BUREAU;
import static cn.egov.projects.application.fake.People.POLICE;
import static cn.egov.projects.application.fake.People.admin;
import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.caller;
import static cn.egov.projects.application.fake.People.classifiedProfile;
import static cn.egov.projects.application.fake.People.finance;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.secrecy;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("指定人员：涉密项目的知悉范围由保密部门指定（第二十七条），评审专家由大数据管理局抽取（第八条），验收专家由实施单位组织（第二十四条）")
class ProjectAssignmentServiceTest {

    private final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 1));
    /** A declared project of the police bureau that is not classified. */
    private ProjectId open;
    /** A declared classified project of the police bureau. */
    private ProjectId secret;

    @BeforeEach
    void setUp() {
        w.world.declarations.openWindow(bureau(), new OpenDeclarationWindowCommand(2025, LocalDate.of(2024, 8, 1),
                LocalDate.of(2024, 9, 30)));
        open = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        w.world.declarations.declare(policeStaff(), new DeclareProjectCommand(open, null));
        secret = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(classifiedProfile(2025)));
        w.world.declarations.declare(policeStaff(), new DeclareProjectCommand(secret, null));
        account("sun", "孙经办", Role.BDB_OFFICER, BUREAU, true);
        account("zhou", "周经办", Role.BDB_OFFICER, BUREAU, true);
        account("qian", "钱专家", Role.EXPERT, new UnitId("EXPERTS"), true);
        account("li", "李专家", Role.EXPERT, new UnitId("EXPERTS"), true);
        account("wu", "吴专家", Role.EXPERT, new UnitId("EXPERTS"), false);
        account("fin", "冯财政", Role.FINANCE, new UnitId("TC-CZJ"), true);
        account("cyb", "郑网信", Role.CYBERSEC, new UnitId("TC-WXB"), true);
        account("aud", "陈审计", Role.AUDIT, new UnitId("TC-SJJ"), true);
        account("police2", "警员", Role.UNIT_STAFF, POLICE, true);
    }

    /** An account; those of the roles named into classified scopes are cleared by the security administrator. */
    private void account(String id, String name, Role role, UnitId unit, boolean enabled) {
        uncleared(id, name, role, unit, enabled);
        if (role.isNamedIntoClassifiedScope()) {
            w.world.accounts.grant(id, java.time.Instant.parse("2024-07-01T01:00:00Z"), "secadmin");
        }
    }

    private void uncleared(String id, String name, Role role, UnitId unit, boolean enabled) {
        w.world.accounts.insert(new Account(id, id, name, role, unit, "13900000000", id + "@tc.gov.cn", "h",
                enabled, Set.of()));
    }

    /** The signed-in person of an account as it stands now (what a refreshed session gets). */
    private Caller now(String userId) {
        Actor actor = w.world.accountService.current(userId).orElseThrow();
        return new Caller(actor, "req-" + userId, "10.0.0.9");
    }

    private static List<String> userIds(List<ProjectAssignments.Person> people) {
        return people.stream().map(ProjectAssignments.Person::userId).toList();
    }

    private AuditRecord lastRecord(ProjectId id) {
        List<AuditRecord> trail = w.world.audit.forProject(id.toString());
        return trail.get(trail.size() - 1);
    }

    @Nested
    @DisplayName("第二十七条 涉密项目的知悉范围")
    class Scope {

        @Test
        @DisplayName("只有获安全保密管理员授予涉密资格的人员才能被指定进入知悉范围；未获资格者不在候选名单中，指定被拒绝并说明依据")
        void onlyClearedPeopleAreNamed() {
            uncleared("ma", "马经办", Role.BDB_OFFICER, BUREAU, true);
            ProjectAssignments view = w.assignments.assignments(secrecy(), secret);
            assertThat(userIds(view.candidates())).contains("sun", "fin").doesNotContain("ma");
            InvalidCommandException refused = catchThrowableOfType(
                    () -> w.assignments.assign(secrecy(), secret, "ma"), InvalidCommandException.class);
            assertThat(refused.messageZh()).isEqualTo(
                    "「马经办」未获安全保密管理员授予的涉密资格，不能指定进入涉密项目的知悉范围（第二十七条）");
            assertThat(userIds(w.assignments.assignments(secrecy(), secret).assigned())).doesNotContain("ma");
            assertThatThrownBy(() -> w.pages.page(now("ma"), secret)).isInstanceOf(NotFoundException.class);
            // an expert of a project that is not classified needs no clearance
            uncleared("he", "何专家", Role.EXPERT, new UnitId("EXPERTS"), true);
            assertThat(w.world.accounts.clearanceOf("he")).isEmpty();
        }

        @Test
        @DisplayName("撤销涉密资格即移出其所在的全部涉密项目知悉范围，之后看不到项目")
        void revokingAClearanceEndsTheScopes() {
            w.assignments.assign(secrecy(), secret, "sun");
            assertThat(w.pages.page(now("sun"), secret)).isNotNull();
            w.accessChanged.clear();
            var revoked = w.clearances.revoke(cn.egov.projects.application.fake.People.securityAdmin(), "sun");
            assertThat(revoked.scopesLeft()).isEqualTo(1);
            assertThat(revoked.person().cleared()).isFalse();
            assertThat(w.accessChanged).containsExactly("sun");
            assertThatThrownBy(() -> w.pages.page(now("sun"), secret)).isInstanceOf(NotFoundException.class);
            assertThat(userIds(w.assignments.assignments(secrecy(), secret).candidates())).doesNotContain("sun");
            assertThat(userIds(w.assignments.assignments(secrecy(), secret).assigned())).doesNotContain("sun");
            assertThat(w.world.audit.all()).extracting(AuditRecord::summary)
                    .contains("撤销 孙经办（市大数据管理局，sun）的涉密资格，同时移出 1 个涉密项目的知悉范围");
        }

        @Test
        @DisplayName("保密部门把大数据管理局、市财政局、市委网信办、市审计局人员和专家指定进入知悉范围后，他们才看得到项目；取消后又看不到；每次有操作记录并通知其会话")
        void secrecyNamesPeopleIntoTheScope() {
            List<String> named = List.of("sun", "fin", "cyb", "aud", "qian");
            for (String user : named) {
                assertThatThrownBy(() -> w.pages.page(now(user), secret)).as(user)
                        .isInstanceOf(NotFoundException.class);
            }
            ProjectAssignments before = w.assignments.assignments(secrecy(), secret);
            assertThat(before.mayManage()).isTrue();
            assertThat(userIds(before.candidates())).containsExactly("sun", "zhou", "fin", "aud", "cyb", "li", "qian");
            assertThat(before.candidates()).extracting(ProjectAssignments.Person::purpose)
                    .containsOnly(AssignmentPurpose.SCOPE);

            ProjectAssignments after = null;
            for (String user : named) {
                after = w.assignments.assign(secrecy(), secret, user);
            }

            assertThat(userIds(after.assigned())).containsExactly("sun", "fin", "aud", "cyb", "qian");
            assertThat(after.assigned()).allSatisfy(p -> {
                assertThat(p.purpose()).isEqualTo(AssignmentPurpose.SCOPE);
                assertThat(p.removable()).isTrue();
            });
            assertThat(userIds(after.candidates())).containsExactly("zhou", "li");
            for (String user : named) {
                assertThat(w.pages.page(now(user), secret).details().project().id()).as(user).isEqualTo(secret);
                assertThat(w.world.queries.list(now(user), new ListProjectsQuery(ProjectListFilter.none(), 1, 50))
                        .items())
                        .as(user).extracting(s -> s.id()).contains(secret);
            }
            assertThatThrownBy(() -> w.pages.page(now("zhou"), secret)).isInstanceOf(NotFoundException.class);
            AuditRecord record = w.world.audit.forProject(secret.toString()).stream()
                    .filter(r -> r.summary().contains("冯财政")).findFirst().orElseThrow();
            assertThat(record.action()).isEqualTo("ASSIGN_TO_SCOPE");
            assertThat(record.article()).isEqualTo("第二十七条");
            assertThat(record.userId()).isEqualTo("secrecy");
            assertThat(record.summary()).isEqualTo("指定冯财政（市财政局，fin）为涉密项目知悉范围人员");
            assertThat(w.accessChanged).containsExactlyElementsOf(named);

            w.assignments.unassign(secrecy(), secret, "fin");

            assertThatThrownBy(() -> w.pages.page(now("fin"), secret)).isInstanceOf(NotFoundException.class);
            assertThat(lastRecord(secret).summary()).startsWith("取消指定冯财政");
            assertThat(w.accessChanged).containsExactly("sun", "fin", "cyb", "aud", "qian", "fin");
        }

        @Test
        @DisplayName("重复指定或取消未指定的人员不改变任何内容，也不留操作记录")
        void repeatingChangesNothing() {
            w.assignments.assign(secrecy(), secret, "sun");
            int records = w.world.audit.all().size();

            ProjectAssignments again = w.assignments.assign(secrecy(), secret, "sun");
            w.assignments.unassign(secrecy(), secret, "zhou");

            assertThat(userIds(again.assigned())).containsExactly("sun");
            assertThat(w.world.audit.all()).hasSize(records);
            assertThat(w.accessChanged).containsExactly("sun");
        }

        @Test
        @DisplayName("知悉范围只由保密部门指定：本单位、已被指定的人员都无权指定（第四条），本单位也不能为涉密项目指定专家")
        void onlySecrecyNamesIntoTheScope() {
            w.assignments.assign(secrecy(), secret, "sun");
            w.assignments.assign(secrecy(), secret, "fin");

            for (Caller inside : List.of(policeStaff(), now("sun"), now("fin"))) {
                ForbiddenException e = catchThrowableOfType(() -> w.assignments.assign(inside, secret, "zhou"),
                        ForbiddenException.class);
                assertThat(e.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
                assertThat(e.violation().messageZh()).contains("「指定涉密项目知悉范围人员」由");
                assertThat(w.assignments.assignments(inside, secret).mayManage()).isFalse();
                assertThat(w.assignments.assignments(inside, secret).candidates()).isEmpty();
            }
            assertThatThrownBy(() -> w.assignments.assign(policeStaff(), secret, "qian"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> w.assignments.unassign(policeStaff(), secret, "sun"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(userIds(w.assignments.assignments(secrecy(), secret).assigned())).containsExactly("sun", "fin");
        }

        @Test
        @DisplayName("评审结束前，本单位看得到知悉范围内的各部门人员，看不到其中的专家，时间线中不显示指定的是谁；评审结束后都看得到")
        void theUnitDoesNotLearnTheExpertsOfItsClassifiedProjectDuringTheReview() {
            w.assignments.assign(secrecy(), secret, "sun");
            w.assignments.assign(secrecy(), secret, "qian");

            assertThat(userIds(w.assignments.assignments(policeStaff(), secret).assigned())).containsExactly("sun");
            assertThat(w.pages.page(policeStaff(), secret).timeline())
                    .filteredOn(e -> e.action().equals("ASSIGN_TO_SCOPE")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.summary()).isEqualTo(ProjectPageService.REVIEWERS_WITHHELD));
            assertThat(userIds(w.assignments.assignments(secrecy(), secret).assigned())).containsExactly("sun", "qian");

            w.world.approvals.startReview(now("sun"), new StartReviewCommand(secret, null));
            w.world.approvals.recordReview(now("sun"), new RecordReviewCommand(secret, null, true,
                    List.of("钱专家", "赵专家", "孙专家"), "同意"));

            assertThat(userIds(w.assignments.assignments(policeStaff(), secret).assigned()))
                    .containsExactly("sun", "qian");
            assertThat(w.pages.page(policeStaff(), secret).timeline()).anyMatch(e -> e.summary().contains("钱专家"));
        }

        @Test
        @DisplayName("知悉范围外的人（未指定的大数据局、财政、审计、网信、专家，管理员，其他单位）对涉密项目的每个请求都得到与不存在的项目完全相同的“不存在”")
        void outsideTheScopeItIsExactlyLikeNoProject() {
            ProjectId nothing = ProjectId.random();
            List<Caller> outside = List.of(bureau(), finance(), audit(), caller("cybersec", Role.CYBERSEC,
                    new UnitId("TC-WXB")), caller("qian", Role.EXPERT, new UnitId("EXPERTS")), admin(), healthStaff(),
                    caller("health-leader", Role.UNIT_LEADER, new UnitId("TC-WJW")));
            List<BiFunction<Caller, ProjectId, ThrowingCallable>> requests = List.of(
                    (c, id) -> () -> w.assignments.assignments(c, id),
                    (c, id) -> () -> w.assignments.assign(c, id, "sun"),
                    (c, id) -> () -> w.assignments.unassign(c, id, "sun"),
                    (c, id) -> () -> w.assignments.assign(c, id, "ghost"));
            for (Caller c : outside) {
                for (BiFunction<Caller, ProjectId, ThrowingCallable> request : requests) {
                    NotFoundException hidden = catchThrowableOfType(request.apply(c, secret), NotFoundException.class);
                    NotFoundException missing = catchThrowableOfType(request.apply(c, nothing),
                            NotFoundException.class);
                    assertThat(hidden).as(c.actor().role().name()).isNotNull();
                    assertThat(hidden.messageZh()).isEqualTo(missing.messageZh()).isEqualTo("项目不存在或不在您的办理范围内");
                }
                assertThat(catchThrowableOfType(() -> w.pages.page(c, secret), NotFoundException.class).messageZh())
                        .isEqualTo(catchThrowableOfType(() -> w.pages.page(c, nothing), NotFoundException.class)
                                .messageZh());
                assertThat(catchThrowableOfType(() -> w.documents.list(c, secret), NotFoundException.class)
                        .messageZh()).isEqualTo("项目不存在或不在您的办理范围内");
            }
            assertThat(w.accessChanged).isEmpty();
        }

        @Test
        @DisplayName("涉密项目的知悉范围只能指定大数据局、财政、网信、审计人员和专家；停用、不存在的账号不能指定")
        void whoMayBeNamedIntoTheScope() {
            assertThatThrownBy(() -> w.assignments.assign(secrecy(), secret, "police2"))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("涉密项目的知悉范围只能指定");
            assertThatThrownBy(() -> w.assignments.assign(secrecy(), secret, "wu"))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("已停用");
            assertThatThrownBy(() -> w.assignments.assign(secrecy(), secret, "ghost"))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("账号不存在");
            assertThatThrownBy(() -> w.assignments.assign(secrecy(), open, "sun"))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("无需指定");
            assertThat(w.world.accounts.assignedTo(secret)).isEmpty();
            assertThat(w.accessChanged).isEmpty();
        }
    }

    @Nested
    @DisplayName("第八条 评审专家由大数据管理局抽取，实施单位不得指定、更换，评审结束前不得知悉")
    class ReviewExperts {

        @Test
        @DisplayName("大数据管理局指定评审专家后专家可查看项目；评审期间本单位看不到评审专家，操作记录中也不显示其姓名")
        void theBureauDrawsTheReviewersAndTheUnitDoesNotLearnThem() {
            assertThatThrownBy(() -> w.pages.page(now("qian"), open)).isInstanceOf(NotFoundException.class);
            w.world.approvals.startReview(bureau(), new StartReviewCommand(open, null));

            ProjectAssignments byBureau = w.assignments.assign(bureau(), open, "qian");

            assertThat(byBureau.assigned()).singleElement().satisfies(p -> {
                assertThat(p.userId()).isEqualTo("qian");
                assertThat(p.purpose()).isEqualTo(AssignmentPurpose.REVIEW);
                assertThat(p.removable()).isTrue();
            });
            assertThat(lastRecord(open).action()).isEqualTo("ASSIGN_REVIEW_EXPERT");
            assertThat(lastRecord(open).article()).isEqualTo("第八条");
            assertThat(lastRecord(open).summary()).isEqualTo("指定钱专家（评审专家，qian）为评审专家");
            assertThat(w.pages.page(now("qian"), open).details().project().id()).isEqualTo(open);
            for (Caller unit : List.of(policeStaff(), caller("police-leader", Role.UNIT_LEADER, POLICE))) {
                ProjectAssignments seen = w.assignments.assignments(unit, open);
                assertThat(seen.assigned()).isEmpty();
                assertThat(seen.candidates()).isEmpty();
                assertThat(seen.mayManage()).isFalse();
                List<AuditEntry> timeline = w.pages.page(unit, open).timeline();
                assertThat(timeline).filteredOn(e -> e.action().equals("ASSIGN_REVIEW_EXPERT")).singleElement()
                        .satisfies(e -> assertThat(e.summary()).isEqualTo(ProjectPageService.REVIEWERS_WITHHELD));
                assertThat(timeline).noneMatch(e -> e.summary().contains("钱专家"));
            }
            assertThat(userIds(w.assignments.assignments(audit(), open).assigned())).containsExactly("qian");
            assertThat(w.pages.page(audit(), open).timeline()).anyMatch(e -> e.summary().contains("钱专家"));
        }

        @Test
        @DisplayName("评审期间本单位指定或取消任何专家都被拒绝，且无论该专家是否评审专家，拒绝完全相同、不改变任何内容")
        void duringTheReviewTheUnitChangesNoExpertAndLearnsNothing() {
            w.assignments.assign(bureau(), open, "qian");
            int records = w.world.audit.all().size();

            for (Caller unit : List.of(policeStaff(), caller("police-leader", Role.UNIT_LEADER, POLICE))) {
                RefusedException nameReviewer = catchThrowableOfType(() -> w.assignments.assign(unit, open, "qian"),
                        RefusedException.class);
                RefusedException nameOther = catchThrowableOfType(() -> w.assignments.assign(unit, open, "li"),
                        RefusedException.class);
                assertThat(nameReviewer.violations()).isEqualTo(nameOther.violations());
                Violation early = nameOther.violations().get(0);
                assertThat(early.code()).isEqualTo(RuleCode.LIFECYCLE_ORDER);
                assertThat(early.article()).isEqualTo("第二十四条");
                assertThat(early.messageZh()).contains("项目上线试运行后、竣工验收前方可指定验收专家");

                ForbiddenException removeReviewer = catchThrowableOfType(
                        () -> w.assignments.unassign(unit, open, "qian"), ForbiddenException.class);
                ForbiddenException removeOther = catchThrowableOfType(() -> w.assignments.unassign(unit, open, "li"),
                        ForbiddenException.class);
                assertThat(removeReviewer.violation()).isEqualTo(removeOther.violation());
                assertThat(removeReviewer.violation().code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);
                assertThat(removeReviewer.violation().article()).isEqualTo("第八条");
                assertThat(removeReviewer.violation().messageZh()).startsWith("第八条：评审专家由市大数据管理局从专家库中抽取")
                        .doesNotContain("钱专家", "qian");
            }
            assertThat(userIds(w.assignments.assignments(bureau(), open).assigned())).containsExactly("qian");
            assertThat(w.world.audit.all()).hasSize(records);
            assertThat(w.accessChanged).containsExactly("qian");
        }

        @Test
        @DisplayName("评审意见录入后本单位可以看到评审专家，但仍不能取消（第八条）；评审专家只能在申报后指定")
        void afterTheReviewTheUnitSeesButCannotRemoveTheReviewers() {
            ProjectId draft = w.world.declarations.createDraft(policeStaff(),
                    new CreateDraftCommand(smartPolicePlatform(2025)));
            // a draft is its unit's own: to the Bureau it does not exist yet (RULES.md §1)
            assertThatThrownBy(() -> w.assignments.assign(bureau(), draft, "qian"))
                    .isInstanceOf(cn.egov.projects.application.error.NotFoundException.class);
            w.world.approvals.startReview(bureau(), new StartReviewCommand(open, null));
            w.assignments.assign(bureau(), open, "qian");
            w.world.approvals.recordReview(bureau(), new RecordReviewCommand(open, null, true,
                    List.of("钱专家", "赵专家", "孙专家"), "同意"));

            ProjectAssignments seen = w.assignments.assignments(policeStaff(), open);

            assertThat(seen.assigned()).singleElement().satisfies(p -> {
                assertThat(p.userId()).isEqualTo("qian");
                assertThat(p.purpose()).isEqualTo(AssignmentPurpose.REVIEW);
                assertThat(p.removable()).isFalse();
            });
            assertThat(w.pages.page(policeStaff(), open).timeline()).anyMatch(e -> e.summary().contains("钱专家"));
            ForbiddenException e = catchThrowableOfType(() -> w.assignments.unassign(policeStaff(), open, "qian"),
                    ForbiddenException.class);
            assertThat(e.violation().code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);
            assertThat(e.violation().messageZh()).contains("「指定评审专家」由市大数据管理局办理");
            assertThat(userIds(w.assignments.assignments(bureau(), open).assigned())).containsExactly("qian");

            w.assignments.unassign(bureau(), open, "qian");
            assertThatThrownBy(() -> w.pages.page(now("qian"), open)).isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("其他部门不能指定专家；非涉密项目不需指定其他部门人员；其他单位得到“不存在”")
        void othersNameNoExperts() {
            ForbiddenException byAudit = catchThrowableOfType(() -> w.assignments.assign(audit(), open, "qian"),
                    ForbiddenException.class);
            assertThat(byAudit.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
            assertThatThrownBy(() -> w.assignments.unassign(audit(), open, "qian"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> w.assignments.assign(finance(), open, "qian"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> w.assignments.assign(bureau(), open, "fin"))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("只能指定评审专家或验收专家")
                    .hasMessageContaining("无需指定");
            assertThatThrownBy(() -> w.assignments.assign(healthStaff(), open, "qian"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(w.assignments.assignments(audit(), open).mayManage()).isFalse();
            assertThat(w.world.accounts.assignedTo(open)).isEmpty();
        }
    }

    @Nested
    @DisplayName("第二十四条 验收专家由实施单位在试运行后指定")
    class AcceptanceExperts {

        /** Takes the open project into its trial run, with no procurement (Art. 17, 22). */
        private void onTrial() {
            w.world.approvals.startReview(bureau(), new StartReviewCommand(open, null));
            w.assignments.assign(bureau(), open, "qian");
            w.world.approvals.recordReview(bureau(), new RecordReviewCommand(open, null, true, List.of("甲", "乙", "丙"),
                    "同意"));
            Money budget = smartPolicePlatform(2025).totalInvestment();
            w.world.approvals.proposeFunding(finance(), new ProposeFundingCommand(open, null, budget, "同意"));
            w.world.approvals.recordApproval(bureau(), new RecordApprovalCommand(open, null, budget, "批复"));
            w.world.clock.set(LocalDate.of(2025, 1, 24));
            w.world.approvals.issuePlan(bureau(), new IssueAnnualPlanCommand(2025, "太政办〔2025〕5号", List.of(open)));
            w.world.clock.set(LocalDate.of(2025, 2, 10));
            w.world.implementation.submitImplementationPlan(policeStaff(), new SubmitImplementationPlanCommand(open,
                    null, List.of("数据汇聚平台", "警情分析系统"), budget, "自行开发"));
            w.world.implementation.recordStartWithoutProcurement(policeStaff(),
                    new RecordStartWithoutProcurementCommand(open, null, "使用本单位已有平台自行开发",
                            LocalDate.of(2025, 2, 10)));
            w.world.clock.set(LocalDate.of(2025, 3, 3));
            w.world.acceptance.startTrialRun(policeStaff(), new StartTrialRunCommand(open, null,
                    LocalDate.of(2025, 3, 3)));
            assertThat(w.world.queries.get(policeStaff(), open).project().state()).isEqualTo(ProjectState.TRIAL_RUN);
        }

        @Test
        @DisplayName("试运行后本单位可以指定和取消验收专家，专家随即可查看项目；大数据管理局不能取消验收专家，本单位不能取消评审专家")
        void theUnitNamesItsAcceptanceExperts() {
            onTrial();
            ProjectAssignments before = w.assignments.assignments(policeStaff(), open);
            assertThat(before.mayManage()).isTrue();
            assertThat(userIds(before.candidates())).containsExactly("li");
            assertThat(before.candidates()).extracting(ProjectAssignments.Person::purpose)
                    .containsOnly(AssignmentPurpose.ACCEPTANCE);

            ProjectAssignments after = w.assignments.assign(policeStaff(), open, "li");

            assertThat(after.assigned()).extracting(p -> p.userId() + ":" + p.purpose() + ":" + p.removable())
                    .containsExactly("li:ACCEPTANCE:true", "qian:REVIEW:false");
            assertThat(lastRecord(open).action()).isEqualTo("ASSIGN_ACCEPTANCE_EXPERT");
            assertThat(lastRecord(open).article()).isEqualTo("第二十四条");
            assertThat(w.pages.page(now("li"), open).details().project().id()).isEqualTo(open);
            assertThat(w.assignments.assignments(bureau(), open).assigned())
                    .extracting(p -> p.userId() + ":" + p.removable()).containsExactly("li:false", "qian:true");
            ForbiddenException byBureau = catchThrowableOfType(() -> w.assignments.unassign(bureau(), open, "li"),
                    ForbiddenException.class);
            assertThat(byBureau.violation().messageZh()).startsWith("第二十四条：「指定或抽取验收专家」由");
            assertThat(catchThrowableOfType(() -> w.assignments.unassign(policeStaff(), open, "qian"),
                    ForbiddenException.class).violation().code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);

            w.assignments.unassign(caller("police-leader", Role.UNIT_LEADER, POLICE), open, "li");

            assertThat(userIds(w.assignments.assignments(policeStaff(), open).assigned())).containsExactly("qian");
            assertThatThrownBy(() -> w.pages.page(now("li"), open)).isInstanceOf(NotFoundException.class);
            assertThat(w.accessChanged).containsExactly("qian", "li", "li");
        }
    }
}
