package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.rule.RuleCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static cn.egov.projects.application.fake.People.BUREAU;
import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.bureau;
import static cn.egov.projects.application.fake.People.classifiedProfile;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.secrecy;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("指定人员：涉密项目的大数据管理局经办人员由保密部门指定，评审专家由大数据管理局或实施单位指定")
class ProjectAssignmentServiceTest {

    private final FakeWorkplace w = new FakeWorkplace(LocalDate.of(2024, 8, 1));
    private ProjectId open;
    private ProjectId secret;

    @BeforeEach
    void setUp() {
        open = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(smartPolicePlatform(2025)));
        secret = w.world.declarations.createDraft(policeStaff(), new CreateDraftCommand(classifiedProfile(2025)));
        account("sun", "孙经办", Role.BDB_OFFICER, BUREAU, true);
        account("zhou", "周经办", Role.BDB_OFFICER, BUREAU, true);
        account("qian", "钱专家", Role.EXPERT, new UnitId("EXPERTS"), true);
        account("li", "李专家", Role.EXPERT, new UnitId("EXPERTS"), true);
        account("wu", "吴专家", Role.EXPERT, new UnitId("EXPERTS"), false);
        account("finance", "财政", Role.FINANCE, new UnitId("TC-CZJ"), true);
    }

    private void account(String id, String name, Role role, UnitId unit, boolean enabled) {
        w.world.accounts.insert(new Account(id, id, name, role, unit, "13900000000", id + "@tc.gov.cn", "h",
                enabled, Set.of()));
    }

    /** The signed-in person of an account as it stands now (what a refreshed session gets). */
    private Caller now(String userId) {
        Actor actor = w.world.accountService.current(userId).orElseThrow();
        return new Caller(actor, "req-" + userId, "10.0.0.9");
    }

    @Test
    @DisplayName("保密部门指定经办人员后，该人员才能看到涉密项目；取消后又看不到；每次都有操作记录并通知其会话")
    void secrecyNamesAnOfficerToAClassifiedProject() {
        assertThatThrownBy(() -> w.pages.page(now("sun"), secret)).isInstanceOf(NotFoundException.class);
        ProjectAssignments view = w.assignments.assignments(secrecy(), secret);
        assertThat(view.mayManage()).isTrue();
        assertThat(view.candidates()).extracting(ProjectAssignments.Person::userId).containsExactly("sun", "zhou");

        ProjectAssignments after = w.assignments.assign(secrecy(), secret, "sun");

        assertThat(after.assigned()).extracting(ProjectAssignments.Person::displayName).containsExactly("孙经办");
        assertThat(after.candidates()).extracting(ProjectAssignments.Person::userId).containsExactly("zhou");
        assertThat(w.pages.page(now("sun"), secret).details().project().id()).isEqualTo(secret);
        assertThatThrownBy(() -> w.pages.page(now("zhou"), secret)).isInstanceOf(NotFoundException.class);
        AuditRecord record = w.world.audit.forProject(secret.toString()).get(w.world.audit.forProject(
                secret.toString()).size() - 1);
        assertThat(record.action()).isEqualTo("ASSIGN_OFFICER");
        assertThat(record.article()).isEqualTo("第二十七条");
        assertThat(record.userId()).isEqualTo("secrecy");
        assertThat(record.summary()).contains("指定孙经办");
        assertThat(w.accessChanged).containsExactly("sun");

        w.assignments.unassign(secrecy(), secret, "sun");

        assertThatThrownBy(() -> w.pages.page(now("sun"), secret)).isInstanceOf(NotFoundException.class);
        assertThat(w.world.audit.forProject(secret.toString())).extracting(AuditRecord::summary)
                .anyMatch(s -> s.startsWith("取消指定孙经办"));
        assertThat(w.accessChanged).containsExactly("sun", "sun");
    }

    @Test
    @DisplayName("重复指定或取消未指定的人员不改变任何内容，也不留操作记录")
    void repeatingChangesNothing() {
        w.assignments.assign(secrecy(), secret, "sun");
        int records = w.world.audit.all().size();

        ProjectAssignments again = w.assignments.assign(secrecy(), secret, "sun");
        w.assignments.unassign(secrecy(), secret, "zhou");

        assertThat(again.assigned()).extracting(ProjectAssignments.Person::userId).containsExactly("sun");
        assertThat(w.world.audit.all()).hasSize(records);
        assertThat(w.accessChanged).containsExactly("sun");
    }

    @Test
    @DisplayName("涉密项目的经办人员只能由保密部门指定：本单位和大数据管理局均无权指定，看不到项目的人得到“不存在”")
    void onlySecrecyNamesOfficers() {
        assertThatThrownBy(() -> w.assignments.assign(policeStaff(), secret, "sun"))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((ForbiddenException) e).violation().messageZh())
                        .contains("「指定涉密项目经办人员」由"));
        assertThatThrownBy(() -> w.assignments.assign(bureau(), secret, "sun"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.assignments.assign(healthStaff(), secret, "nobody"))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.world.accounts.findById("sun").orElseThrow().assigned()).isEmpty();
        assertThat(w.assignments.assignments(policeStaff(), secret).mayManage()).isFalse();
        assertThat(w.assignments.assignments(policeStaff(), secret).candidates()).isEmpty();
    }

    @Test
    @DisplayName("非涉密项目不需指定经办人员；涉密项目不向评审专家开放（第二十七条）；停用、不存在或其他角色的账号不能指定")
    void refusals() {
        assertThatThrownBy(() -> w.assignments.assign(secrecy(), open, "sun"))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("无需指定");
        assertThatThrownBy(() -> w.assignments.assign(policeStaff(), secret, "qian"))
                .isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).violations().get(0).code())
                        .isEqualTo(RuleCode.ART27_CLASSIFIED));
        assertThatThrownBy(() -> w.assignments.assign(bureau(), open, "wu"))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("已停用");
        assertThatThrownBy(() -> w.assignments.assign(bureau(), open, "ghost"))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("账号不存在");
        assertThatThrownBy(() -> w.assignments.assign(bureau(), open, "finance"))
                .isInstanceOf(InvalidCommandException.class).hasMessageContaining("只能指定");
        assertThat(w.world.accounts.assignedTo(open)).isEmpty();
        assertThat(w.world.accounts.assignedTo(secret)).isEmpty();
        assertThat(w.accessChanged).isEmpty();
    }

    @Test
    @DisplayName("评审专家由大数据管理局或本单位指定，指定后专家能看到该项目；别的单位和市审计局不能指定")
    void expertsAreNamedByTheBureauOrTheUnit() {
        assertThatThrownBy(() -> w.pages.page(now("qian"), open)).isInstanceOf(NotFoundException.class);

        w.assignments.assign(bureau(), open, "qian");
        ProjectAssignments view = w.assignments.assign(policeStaff(), open, "li");

        assertThat(view.assigned()).extracting(ProjectAssignments.Person::userId).containsExactly("li", "qian");
        assertThat(view.candidates()).isEmpty();
        assertThat(w.pages.page(now("qian"), open).details().project().id()).isEqualTo(open);
        assertThatThrownBy(() -> w.assignments.assign(healthStaff(), open, "qian"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.assignments.unassign(audit(), open, "qian"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(w.assignments.assignments(audit(), open).assigned()).hasSize(2);
        assertThat(w.assignments.assignments(audit(), open).mayManage()).isFalse();
    }
}
