package cn.egov.projects.domain.access;

import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.Fixtures;
import cn.egov.projects.domain.project.Journey;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static cn.egov.projects.domain.project.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("第三条、第四条、第八条、第二十四条、第二十七条 谁能看、谁能办")
class AccessPolicyTest {

    private static final UnitId BUREAU = new UnitId("TC-DSJ");
    private static final AccessPolicy POLICY = new AccessPolicy(PolicyPacks.taicang());

    private static Project project(boolean classified) {
        return Journey.of(profile().classified(classified).build(), PolicyPacks.taicang(), Fixtures.UNIT).declared()
                .project;
    }

    private static Actor actor(Role role, UnitId unit) {
        return Actor.of(role.name().toLowerCase(), role, unit);
    }

    private static void assertHidden(AccessDecision decision, RuleCode code, String article, String detail) {
        assertThat(decision.kind()).isEqualTo(AccessDecision.Kind.HIDDEN);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.violation().code()).isEqualTo(code);
        assertThat(decision.violation().article()).isEqualTo(article);
        assertThat(decision.violation().messageZh()).startsWith(article + "：").contains(detail);
    }

    @Nested
    @DisplayName("第三条 本单位的项目")
    class OwnUnit {

        @Test
        @DisplayName("实施单位经办人员可以查看并办理本单位的项目")
        void ownUnitStaffMayAct() {
            Project p = project(false);
            Actor staff = actor(Role.UNIT_STAFF, Fixtures.UNIT);

            assertThat(POLICY.canSee(staff, p)).isTrue();
            assertThat(POLICY.decide(staff, Action.SIGN_CONTRACT, p).kind()).isEqualTo(AccessDecision.Kind.ALLOWED);
        }

        @Test
        @DisplayName("其他单位的经办人员看不到该项目")
        void otherUnitStaffSeeNothing() {
            Project p = project(false);
            Actor other = actor(Role.UNIT_STAFF, Fixtures.OTHER_UNIT);

            assertThat(POLICY.canSee(other, p)).isFalse();
            assertHidden(POLICY.decide(other, Action.VIEW_PROJECT, p), RuleCode.ART3_OWN_UNIT, "第三条",
                    "该项目不在您的办理范围内");
        }

        @Test
        @DisplayName("其他单位的分管领导也看不到该项目，即使所办操作不属其职责也只显示为不可见")
        void otherUnitLeaderSeesNothingEvenForForeignActions() {
            Project p = project(false);
            Actor other = actor(Role.UNIT_LEADER, Fixtures.OTHER_UNIT);

            assertHidden(POLICY.decide(other, Action.SIGN_CONTRACT, p), RuleCode.ART3_OWN_UNIT, "第三条", "不在您的办理范围内");
            assertHidden(POLICY.decide(other, Action.START_REVIEW, p), RuleCode.ART3_OWN_UNIT, "第三条", "不在您的办理范围内");
        }
    }

    @Nested
    @DisplayName("第四条 各部门的职责")
    class Roles {

        @Test
        @DisplayName("市审计局可以查看非涉密项目，但不能办理任何操作")
        void auditReadsButDoesNotAct() {
            Project p = project(false);
            Actor audit = actor(Role.AUDIT, new UnitId("TC-SJJ"));

            assertThat(POLICY.decide(audit, Action.VIEW_PROJECT, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(audit, Action.VIEW_AUDIT_TRAIL).isAllowed()).isTrue();

            AccessDecision sign = POLICY.decide(audit, Action.SIGN_CONTRACT, p);
            assertThat(sign.kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
            assertThat(sign.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
            assertThat(sign.violation().article()).isEqualTo("第四条");
            assertThat(sign.violation().messageZh()).startsWith("第四条：此项工作不属于您所在部门的职责")
                    .contains("「录入合同」由", "实施单位经办人员", "实施单位分管领导");
            assertThat(POLICY.decide(audit, Action.TERMINATE, p).kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
            assertThat(POLICY.decide(audit, Action.PROPOSE_FUNDING, p).kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
        }

        @Test
        @DisplayName("市审计局对任何会改变项目的操作都无权办理")
        void auditMayTakeNoChangingAction() {
            Project p = project(false);
            Actor audit = actor(Role.AUDIT, new UnitId("TC-SJJ"));

            for (Action action : Action.values()) {
                boolean allowed = POLICY.decide(audit, action, p).isAllowed();
                assertThat(allowed).as(action.name())
                        .isEqualTo(action.isReadOnly() && action.roles().contains(Role.AUDIT));
            }
        }

        @Test
        @DisplayName("组织专家评审由市大数据管理局办理，实施单位无权办理")
        void reviewIsTheBureaus() {
            Project p = project(false);

            assertThat(POLICY.decide(actor(Role.BDB_OFFICER, BUREAU), Action.START_REVIEW, p).isAllowed()).isTrue();
            AccessDecision staff = POLICY.decide(actor(Role.UNIT_STAFF, Fixtures.UNIT), Action.START_REVIEW, p);
            assertThat(staff.kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
            assertThat(staff.violation().messageZh()).contains("「组织专家评审」由市大数据管理局办理");
        }

        @Test
        @DisplayName("资金安排意见由市财政局提出，市大数据管理局无权办理")
        void fundingIsFinances() {
            Project p = project(false);

            assertThat(POLICY.decide(actor(Role.FINANCE, new UnitId("TC-CZJ")), Action.PROPOSE_FUNDING, p).isAllowed())
                    .isTrue();
            assertThat(POLICY.decide(actor(Role.BDB_OFFICER, BUREAU), Action.PROPOSE_FUNDING, p).kind())
                    .isEqualTo(AccessDecision.Kind.FORBIDDEN);
        }

        @Test
        @DisplayName("网络安全审查意见由市委网信办录入，密码应用审查意见由保密、密码管理部门录入")
        void reviewsBelongToTheirOffices() {
            Project p = project(false);
            Actor cyber = actor(Role.CYBERSEC, new UnitId("TC-WXB"));
            Actor secrecy = actor(Role.SECRECY, new UnitId("TC-BMJ"));

            assertThat(POLICY.decide(cyber, Action.RECORD_CYBERSEC_REVIEW, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(cyber, Action.RECORD_CRYPTO_REVIEW, p).kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
            assertThat(POLICY.decide(secrecy, Action.RECORD_CRYPTO_REVIEW, p).isAllowed()).isTrue();
        }

        @Test
        @DisplayName("系统管理员看不到任何项目内容，只能管理账号和单位")
        void adminSeesNoProject() {
            Actor admin = actor(Role.ADMIN, new UnitId("TC-XXZX"));

            assertThat(POLICY.canSee(admin, project(false))).isFalse();
            assertThat(POLICY.canSee(admin, project(true))).isFalse();
            assertHidden(POLICY.decide(admin, Action.VIEW_PROJECT, project(false)), RuleCode.ART3_OWN_UNIT, "第三条",
                    "不在您的办理范围内");
            assertThat(POLICY.decide(admin, Action.MANAGE_ACCOUNTS).isAllowed()).isTrue();
            assertThat(POLICY.decide(admin, Action.VIEW_AUDIT_TRAIL).kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
        }

        @Test
        @DisplayName("评审专家只看得到指派给自己的项目")
        void expertSeesAssignedOnly() {
            Project p = project(false);
            Actor assigned = new Actor("expert1", "张明", Role.EXPERT, new UnitId("EXPERTS"), Set.of(p.id()));
            Actor other = Actor.of("expert2", Role.EXPERT, new UnitId("EXPERTS"));

            assertThat(POLICY.canSee(assigned, p)).isTrue();
            assertThat(POLICY.canSee(other, p)).isFalse();
        }
    }

    @Nested
    @DisplayName("第二十七条 涉密项目")
    class Classified {

        @Test
        @DisplayName("涉密项目本单位人员可以查看和办理")
        void ownUnitSeesClassified() {
            Project p = project(true);
            Actor staff = actor(Role.UNIT_STAFF, Fixtures.UNIT);

            assertThat(POLICY.canSee(staff, p)).isTrue();
            assertThat(POLICY.decide(staff, Action.SUBMIT_IMPLEMENTATION_PLAN, p).isAllowed()).isTrue();
        }

        @Test
        @DisplayName("涉密项目保密部门可以查看")
        void secrecySeesClassified() {
            assertThat(POLICY.canSee(actor(Role.SECRECY, new UnitId("TC-BMJ")), project(true))).isTrue();
        }

        @Test
        @DisplayName("涉密项目只有保密部门指定的市大数据管理局人员可以查看")
        void onlyAssignedBureauOfficerSeesClassified() {
            Project p = project(true);
            Actor assigned = new Actor("bdb1", "刘洋", Role.BDB_OFFICER, BUREAU, Set.of(p.id()));
            Actor unassigned = Actor.of("bdb2", Role.BDB_OFFICER, BUREAU);

            assertThat(POLICY.decide(assigned, Action.START_REVIEW, p).isAllowed()).isTrue();
            assertHidden(POLICY.decide(unassigned, Action.VIEW_PROJECT, p), RuleCode.ART27_CLASSIFIED, "第二十七条",
                    "涉密项目仅限本单位、保密部门和保密部门指定的人员知悉");
        }

        @Test
        @DisplayName("未被指定进入知悉范围的市审计局、市财政局、市委网信办、大数据局、专家、管理员和其他单位都看不到，任何操作都只显示为不可见")
        void everyoneElseIsKeptOut() {
            Project p = project(true);

            for (Actor a : new Actor[]{actor(Role.AUDIT, new UnitId("TC-SJJ")), actor(Role.FINANCE, new UnitId("TC-CZJ")),
                    actor(Role.CYBERSEC, new UnitId("TC-WXB")), actor(Role.BDB_OFFICER, BUREAU),
                    actor(Role.UNIT_STAFF, Fixtures.OTHER_UNIT), actor(Role.UNIT_LEADER, Fixtures.OTHER_UNIT),
                    actor(Role.EXPERT, new UnitId("EXPERTS")), actor(Role.ADMIN, BUREAU)}) {
                assertThat(POLICY.canSee(a, p)).as(a.role().name()).isFalse();
                for (Action action : Action.values()) {
                    assertThat(POLICY.decide(a, action, p).kind()).as(a.role() + " " + action)
                            .isEqualTo(AccessDecision.Kind.HIDDEN);
                }
                assertHidden(POLICY.decide(a, Action.VIEW_PROJECT, p), RuleCode.ART27_CLASSIFIED, "第二十七条", "涉密项目");
            }
        }

        @Test
        @DisplayName("保密部门指定进入知悉范围后，市财政局、市委网信办、市审计局、大数据局和专家都能看到并办理各自的事项")
        void namedPeopleSeeAndActWithinTheirRoles() {
            Project p = project(true);
            Set<ProjectId> named = Set.of(p.id());
            Actor finance = new Actor("fin", "周财政", Role.FINANCE, new UnitId("TC-CZJ"), named);
            Actor cyber = new Actor("cyb", "郑网信", Role.CYBERSEC, new UnitId("TC-WXB"), named);
            Actor audit = new Actor("aud", "吴审计", Role.AUDIT, new UnitId("TC-SJJ"), named);
            Actor bureau = new Actor("bdb", "陈大数据", Role.BDB_OFFICER, BUREAU, named);
            Actor expert = new Actor("exp", "钱专家", Role.EXPERT, new UnitId("EXPERTS"), named);

            for (Actor a : List.of(finance, cyber, audit, bureau, expert)) {
                assertThat(POLICY.canSee(a, p)).as(a.role().name()).isTrue();
                assertThat(POLICY.decide(a, Action.VIEW_PROJECT, p).isAllowed()).as(a.role().name()).isTrue();
            }
            assertThat(POLICY.decide(finance, Action.PROPOSE_FUNDING, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(finance, Action.FILE_FINAL_ACCOUNTS, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(cyber, Action.RECORD_CYBERSEC_REVIEW, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(bureau, Action.RECORD_REVIEW, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(expert, Action.ATTACH_DOCUMENT, p).isAllowed()).isTrue();
            // inside the scope a role still does only its own work, and Audit still changes nothing
            assertThat(POLICY.decide(audit, Action.SIGN_CONTRACT, p).kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
            assertThat(POLICY.decide(finance, Action.ASSIGN_TO_SCOPE, p).kind())
                    .isEqualTo(AccessDecision.Kind.FORBIDDEN);
            // named to another classified project only: still out of this one
            Actor elsewhere = new Actor("fin2", "财政", Role.FINANCE, new UnitId("TC-CZJ"), Set.of(ProjectId.random()));
            assertThat(POLICY.canSee(elsewhere, p)).isFalse();
        }

        @Test
        @DisplayName("其他单位人员和管理员即使被错误地记为指定人员，也看不到涉密项目")
        void onlyScopeRolesCountWhenNamed() {
            Project p = project(true);
            Actor otherUnit = new Actor("o", "别单位", Role.UNIT_STAFF, Fixtures.OTHER_UNIT, Set.of(p.id()));
            Actor admin = new Actor("a", "管理员", Role.ADMIN, BUREAU, Set.of(p.id()));

            assertThat(POLICY.canSee(otherUnit, p)).isFalse();
            assertThat(POLICY.canSee(admin, p)).isFalse();
        }

        @Test
        @DisplayName("同一项目不涉密时市审计局可以查看")
        void auditSeesTheSameProjectWhenNotClassified() {
            assertThat(POLICY.canSee(actor(Role.AUDIT, new UnitId("TC-SJJ")), project(false))).isTrue();
        }
    }

    @Nested
    @DisplayName("第八条、第二十四条 评审专家和验收专家")
    class Experts {

        private final Actor staff = actor(Role.UNIT_STAFF, Fixtures.UNIT);
        private final Actor leader = actor(Role.UNIT_LEADER, Fixtures.UNIT);
        private final Actor bureau = actor(Role.BDB_OFFICER, BUREAU);

        @Test
        @DisplayName("评审专家只由市大数据管理局指定；本单位经办人员和分管领导被拒绝并引用第八条")
        void reviewExpertsAreTheBureaus() {
            Project p = project(false);

            assertThat(POLICY.decide(bureau, Action.ASSIGN_REVIEW_EXPERT, p).isAllowed()).isTrue();
            for (Actor unit : List.of(staff, leader)) {
                AccessDecision d = POLICY.decide(unit, Action.ASSIGN_REVIEW_EXPERT, p);
                assertThat(d.kind()).isEqualTo(AccessDecision.Kind.FORBIDDEN);
                assertThat(d.violation().code()).isEqualTo(RuleCode.ART8_REVIEW_EXPERTS);
                assertThat(d.violation().article()).isEqualTo("第八条");
                assertThat(d.violation().messageZh()).startsWith("第八条：评审专家由市大数据管理局从专家库中抽取")
                        .contains("「指定评审专家」由市大数据管理局办理");
            }
            AccessDecision finance = POLICY.decide(actor(Role.FINANCE, new UnitId("TC-CZJ")), Action.ASSIGN_REVIEW_EXPERT, p);
            assertThat(finance.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
        }

        @Test
        @DisplayName("验收专家由实施单位指定，大数据管理局不指定；涉密项目的知悉范围只由保密部门指定")
        void acceptanceExpertsAreTheUnitsAndScopeIsSecrecys() {
            Project p = project(true);

            assertThat(POLICY.decide(staff, Action.ASSIGN_ACCEPTANCE_EXPERT, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(leader, Action.ASSIGN_ACCEPTANCE_EXPERT, p).isAllowed()).isTrue();
            assertThat(POLICY.decide(actor(Role.SECRECY, new UnitId("TC-BMJ")), Action.ASSIGN_TO_SCOPE, p).isAllowed())
                    .isTrue();
            assertThat(POLICY.decide(staff, Action.ASSIGN_TO_SCOPE, p).violation().code()).isEqualTo(RuleCode.ART4_ROLE);
            // the experts of a stage are organised by whom records it (recordedBy): under Taicang's single stage
            // the unit, so the Bureau is refused citing the stage's article; a Bureau-recorded stage is the Bureau's
            assertThat(Action.ASSIGN_ACCEPTANCE_EXPERT.roles()).containsExactlyInAnyOrder(Role.UNIT_STAFF,
                    Role.UNIT_LEADER, Role.BDB_OFFICER);
            AccessDecision bureauRefused = POLICY.decide(bureau, Action.ASSIGN_ACCEPTANCE_EXPERT, project(false));
            assertThat(bureauRefused.isAllowed()).isFalse();
            assertThat(bureauRefused.violation().code()).isEqualTo(RuleCode.ART4_ROLE);
            assertThat(bureauRefused.violation().messageZh()).startsWith("第二十四条：「指定或抽取验收专家」由");
            assertThat(POLICY.organisesAcceptance(Role.BDB_OFFICER, project(false))).isFalse();
            assertThat(POLICY.organisesAcceptance(Role.UNIT_STAFF, project(false))).isTrue();
            assertThat(Action.ASSIGN_REVIEW_EXPERT.roles()).containsExactly(Role.BDB_OFFICER);
            assertThat(Action.ASSIGN_TO_SCOPE.roles()).containsExactly(Role.SECRECY);
        }

        @Test
        @DisplayName("评审结束前本单位不得知悉评审专家，评审意见录入后可以；大数据管理局和审计局一直可以")
        void theUnitLearnsTheReviewersWhenTheReviewEnds() {
            Journey j = Journey.of(profile().build(), PolicyPacks.taicang(), Fixtures.UNIT).declared();
            Actor audit = actor(Role.AUDIT, new UnitId("TC-SJJ"));

            assertThat(POLICY.maySeeReviewers(staff, j.project)).isFalse();
            j.underReview();
            assertThat(POLICY.maySeeReviewers(staff, j.project)).isFalse();
            assertThat(POLICY.maySeeReviewers(leader, j.project)).isFalse();
            assertThat(POLICY.maySeeReviewers(bureau, j.project)).isTrue();
            assertThat(POLICY.maySeeReviewers(audit, j.project)).isTrue();
            assertThat(POLICY.maySeeReviewers(actor(Role.UNIT_STAFF, Fixtures.OTHER_UNIT), j.project)).isFalse();
            j.reviewed();
            assertThat(POLICY.maySeeReviewers(staff, j.project)).isTrue();
        }

        @Test
        @DisplayName("评审专家在申报后指定；验收专家在试运行和待验收时指定，其他阶段按第二十四条拒绝；知悉范围随时可定")
        void purposesOpenInTheirStages() {
            for (ProjectState state : ProjectState.values()) {
                assertThat(AssignmentPurpose.REVIEW.isOpenIn(state)).as("review in " + state)
                        .isEqualTo(state != ProjectState.DRAFT && !state.isFinal());
                assertThat(AssignmentPurpose.ACCEPTANCE.isOpenIn(state)).as("acceptance in " + state)
                        .isEqualTo(state == ProjectState.TRIAL_RUN || state == ProjectState.ACCEPTANCE_PENDING);
                assertThat(AssignmentPurpose.SCOPE.isOpenIn(state)).isTrue();
            }
            Violation early = AssignmentPurpose.ACCEPTANCE.notOpenIn(ProjectState.UNDER_REVIEW, PolicyPacks.taicang());
            assertThat(early.code()).isEqualTo(RuleCode.LIFECYCLE_ORDER);
            assertThat(early.article()).isEqualTo("第二十四条");
            assertThat(early.messageZh()).isEqualTo("第二十四条：项目上线试运行后、竣工验收前方可指定验收专家（项目当前状态：专家评审中）");
            assertThat(AssignmentPurpose.REVIEW.notOpenIn(ProjectState.DRAFT, PolicyPacks.taicang()).messageZh())
                    .isEqualTo("第八条：项目申报后方可指定评审专家");
        }
    }

    @Nested
    @DisplayName("三员分立：系统管理员、安全保密管理员、安全审计员")
    class ThreeAdministrators {

        @Test
        @DisplayName("系统管理员只能授予普通角色；管理员角色、大数据局和审计局的角色只能由安全保密管理员授予；安全审计员不授予任何角色")
        void whoGrantsWhat() {
            for (Role granted : Role.values()) {
                boolean ordinary = !granted.isAdministrator() && granted != Role.BDB_OFFICER && granted != Role.AUDIT;
                assertThat(Role.ADMIN.mayGrant(granted)).as("ADMIN grants %s", granted).isEqualTo(ordinary);
                assertThat(Role.SECURITY_ADMIN.mayGrant(granted)).as("SECURITY_ADMIN grants %s", granted).isTrue();
                assertThat(Role.AUDIT_ADMIN.mayGrant(granted)).as("AUDIT_ADMIN grants %s", granted).isFalse();
                assertThat(Role.BDB_OFFICER.mayGrant(granted)).isFalse();
            }
        }

        @Test
        @DisplayName("三员都看不到任何项目（涉密与否）；只有安全审计员能查看安全审计记录，且不能办理任何会改变数据的事项")
        void administratorsSeeNoProjectAndOnlyTheAuditorReadsTheTrail() {
            for (Role role : new Role[]{Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN}) {
                Actor a = actor(role, BUREAU);
                assertThat(POLICY.canSee(a, project(false))).as(role.name()).isFalse();
                assertThat(POLICY.canSee(a, project(true))).as(role.name()).isFalse();
                assertThat(POLICY.decide(a, Action.VIEW_SECURITY_AUDIT).isAllowed()).as(role.name())
                        .isEqualTo(role == Role.AUDIT_ADMIN);
            }
            Actor auditor = actor(Role.AUDIT_ADMIN, BUREAU);
            for (Action action : Action.values()) {
                if (POLICY.decide(auditor, action).isAllowed()) {
                    assertThat(action.isReadOnly()).as(action.name()).isTrue();
                }
            }
            assertThat(POLICY.decide(actor(Role.BDB_OFFICER, BUREAU), Action.VIEW_SECURITY_AUDIT).isAllowed()).isFalse();
            assertThat(POLICY.decide(actor(Role.AUDIT, new UnitId("TC-SJJ")), Action.VIEW_SECURITY_AUDIT).isAllowed())
                    .isFalse();
        }
    }

    @Test
    @DisplayName("草稿只有本单位看得到：大数据局、财政局、审计局、保密部门在申报前都看不到")
    void draftsAreTheUnitsOwn() {
        Project draft = Project.draft(ProjectId.random(), Fixtures.UNIT, Fixtures.profile().build(), "taicang-2021",
                java.time.LocalDate.of(2024, 8, 1));
        assertThat(POLICY.canSee(actor(Role.UNIT_STAFF, Fixtures.UNIT), draft)).isTrue();
        for (Role role : new Role[]{Role.BDB_OFFICER, Role.FINANCE, Role.AUDIT, Role.CYBERSEC, Role.SECRECY}) {
            assertThat(POLICY.canSee(actor(role, BUREAU), draft)).as(role.name()).isFalse();
        }
    }
}
