package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code AccountPort}: accounts with their assigned projects, usernames unique. */
abstract class AccountContractTest extends PersistenceContractTest {

    private static String username() {
        return "user." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @DisplayName("新账号按用户名读回，所有字段和指派的项目都不变")
    void insertedAccountIsFoundByUsername() {
        long before = adapters.accounts().count();
        Account account = new Account(UUID.randomUUID().toString(), username(), "王局长", Role.BDB_OFFICER,
                new UnitId("TC-DSJ"), "13900000000", "wang@taicang.gov.cn", "pbkdf2$1000$c2FsdA==$aGFzaA==", true,
                Set.of(ProjectId.random(), ProjectId.random()));
        adapters.accounts().insert(account);

        assertThat(adapters.accounts().findByUsername(account.username())).contains(account);
        assertThat(adapters.accounts().count()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("停用的账号、未填联系方式和没有指派项目的账号也原样读回")
    void sparseAccountRoundTrips() {
        Account account = new Account(UUID.randomUUID().toString(), username(), "临时人员", Role.EXPERT,
                new UnitId("EXPERTS"), null, null, "hash", false, Set.of());
        adapters.accounts().insert(account);
        assertThat(adapters.accounts().findByUsername(account.username())).contains(account);
    }

    @Test
    @DisplayName("用户名已被使用时拒绝新增，原账号不变")
    void aTakenUsernameIsRefused() {
        String name = username();
        Account first = new Account(UUID.randomUUID().toString(), name, "甲", Role.UNIT_STAFF, new UnitId("TC-GAJ"),
                null, null, "hash-1", true, Set.of());
        adapters.accounts().insert(first);
        long count = adapters.accounts().count();

        Account second = new Account(UUID.randomUUID().toString(), name, "乙", Role.ADMIN, new UnitId("TC-DSJ"),
                null, null, "hash-2", true, Set.of());
        assertThatThrownBy(() -> adapters.accounts().insert(second)).isInstanceOf(IllegalStateException.class);
        assertThat(adapters.accounts().findByUsername(name)).contains(first);
        assertThat(adapters.accounts().count()).isEqualTo(count);
    }

    @Test
    @DisplayName("用户名区分大小写，查找不存在的用户名得到空结果")
    void unknownUsernameIsEmpty() {
        String name = username();
        adapters.accounts().insert(new Account(UUID.randomUUID().toString(), name, "丙", Role.AUDIT,
                new UnitId("TC-SJJ"), null, null, "hash", true, Set.of()));
        assertThat(adapters.accounts().findByUsername(name.toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(adapters.accounts().findByUsername("nobody-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    @DisplayName("按角色（及单位）列出启用的账号，带指派的项目，停用的不列")
    void enabledAccountsByRoleAndUnit() {
        String unit = "U" + UUID.randomUUID().toString().substring(0, 8);
        ProjectId classified = ProjectId.random();
        Account officer = new Account("a-" + UUID.randomUUID(), username(), "官员", Role.UNIT_LEADER, new UnitId(unit),
                "13900000001", "lead@taicang.gov.cn", "hash", true, Set.of(classified));
        Account staff = new Account("b-" + UUID.randomUUID(), username(), "经办", Role.UNIT_STAFF, new UnitId(unit),
                null, "staff@taicang.gov.cn", "hash", true, Set.of());
        Account disabled = new Account("c-" + UUID.randomUUID(), username(), "停用", Role.UNIT_STAFF,
                new UnitId(unit), null, null, "hash", false, Set.of());
        Account elsewhere = new Account("d-" + UUID.randomUUID(), username(), "他人", Role.UNIT_STAFF,
                new UnitId(unit + "X"), null, null, "hash", true, Set.of());
        for (Account a : new Account[]{officer, staff, disabled, elsewhere}) {
            adapters.accounts().insert(a);
        }
        assertThat(adapters.accounts().findEnabledByRole(Role.UNIT_STAFF, Optional.of(new UnitId(unit))))
                .containsExactly(staff);
        assertThat(adapters.accounts().findEnabledByRole(Role.UNIT_LEADER, Optional.of(new UnitId(unit))))
                .containsExactly(officer);
        assertThat(adapters.accounts().findEnabledByRole(Role.UNIT_STAFF, Optional.empty()))
                .contains(staff, elsewhere).doesNotContain(disabled);
    }

    @Test
    @DisplayName("指定人员：按项目读出被指定的账号及指定用途，重复指定或取消未指定的不改变任何内容，按编号读账号带上指定的项目")
    void projectAssignments() {
        ProjectId project = ProjectId.random();
        ProjectId other = ProjectId.random();
        Account sun = new Account("s-" + UUID.randomUUID(), username(), "孙经办", Role.BDB_OFFICER,
                new UnitId("TC-DSJ"), null, null, "hash", true, Set.of(other));
        Account qian = new Account("q-" + UUID.randomUUID(), username(), "钱专家", Role.EXPERT,
                new UnitId("EXPERTS"), null, null, "hash", false, Set.of());
        Account li = new Account("l-" + UUID.randomUUID(), username(), "李专家", Role.EXPERT,
                new UnitId("EXPERTS"), null, null, "hash", true, Set.of(other));
        adapters.accounts().insert(sun);
        adapters.accounts().insert(qian);
        adapters.accounts().insert(li);
        var assignments = adapters.projectAssignments();

        assertThat(assignments.assignedTo(project)).isEmpty();
        assertThat(assignments.assign(sun.userId(), project, AssignmentPurpose.SCOPE)).isTrue();
        assertThat(assignments.assign(sun.userId(), project, AssignmentPurpose.REVIEW)).isFalse();
        assertThat(assignments.assign(qian.userId(), project, AssignmentPurpose.ACCEPTANCE)).isTrue();

        assertThat(assignments.assignedTo(project)).extracting(a -> a.account().userId() + ":" + a.purpose())
                .containsExactlyInAnyOrder(sun.userId() + ":SCOPE", qian.userId() + ":ACCEPTANCE");
        assertThat(assignments.assignedTo(project)).filteredOn(a -> a.account().userId().equals(qian.userId()))
                .singleElement().satisfies(a -> assertThat(a.account().enabled()).isFalse());
        assertThat(adapters.accounts().findById(sun.userId()).orElseThrow().assigned())
                .containsExactlyInAnyOrder(project, other);
        // named with the account itself: an expert for review, anyone else into the scope
        assertThat(assignments.assignedTo(other)).extracting(a -> a.account().userId() + ":" + a.purpose())
                .containsExactlyInAnyOrder(sun.userId() + ":SCOPE", li.userId() + ":REVIEW");

        assertThat(assignments.unassign(sun.userId(), project)).isTrue();
        assertThat(assignments.unassign(sun.userId(), project)).isFalse();
        assertThat(assignments.assignedTo(project)).extracting(a -> a.account().userId())
                .containsExactly(qian.userId());
        assertThat(adapters.accounts().findById(sun.userId()).orElseThrow().assigned()).containsExactly(other);
        assertThat(adapters.accounts().findById("nobody-" + UUID.randomUUID())).isEmpty();
    }
}
