package cn.egov.projects.web.auth;

import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.InMemoryAccessRevisionLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access revisions of two instances over one log: a change recorded through one is seen by the other at its next
 * {@code sync}, a revision noted on one is judged the same way on the other (a session moves between them), and an
 * instance started later knows every change made before. Also: a session's data survive the round trip through the
 * JSON the session store keeps.
 */
@DisplayName("多实例共享的权限变更编号；会话数据的JSON往返")
class SharedAccessRevisionsTest {

    private final InMemoryAccessRevisionLog log = new InMemoryAccessRevisionLog();

    @Test
    @DisplayName("A记录的权限变更，B在同步后据此判定会话过期；B先前记下的编号在A上同样有效")
    void aChangeThroughOneInstanceReachesTheOther() {
        AccessRevisions a = AccessRevisions.shared(log);
        AccessRevisions b = AccessRevisions.shared(log);
        long notedOnB = b.current();
        a.accessChanged("u-1");
        assertThat(a.changedSince("u-1", notedOnB)).as("at once where it was made").isTrue();
        assertThat(b.changedSince("u-1", notedOnB)).as("not yet read").isFalse();
        b.sync();
        assertThat(b.changedSince("u-1", notedOnB)).isTrue();
        assertThat(b.current()).isEqualTo(a.current());
        long reloaded = b.current();
        assertThat(a.changedSince("u-1", reloaded)).as("a person loaded after the change is current").isFalse();
        assertThat(b.changedSince("u-2", notedOnB)).isFalse();
    }

    @Test
    @DisplayName("锁定用户名经共享日志传到另一实例；后启动的实例知道之前的全部变更")
    void locksAndEarlierChangesReachEveryInstance() {
        AccessRevisions a = AccessRevisions.shared(log);
        long noted = a.current();
        a.accessChanged("u-9");
        a.accountLocked(" clerk ");
        AccessRevisions later = AccessRevisions.shared(log);
        assertThat(later.changedSince("u-9", noted)).isTrue();
        assertThat(later.lockedSince("clerk", noted)).isTrue();
        assertThat(later.lockedSince("clerk", later.current())).isFalse();
        assertThat(later.isShared()).isTrue();
        assertThat(new AccessRevisions().isShared()).isFalse();
    }

    @Test
    @DisplayName("会话数据（登录人、编号、CSRF令牌）经JSON往返后不变")
    void sessionDataSurviveTheirJson() {
        Actor actor = new Actor("u-1", "公安经办", Role.UNIT_STAFF, new UnitId("TC-GAJ"),
                Set.of(new ProjectId(UUID.randomUUID()), new ProjectId(UUID.randomUUID())));
        Map<String, Object> data = new HashMap<>();
        data.put("egov.actor", actor);
        data.put("egov.revision", 42L);
        data.put("egov.csrf", "token-值");
        data.put("flag", true);
        Map<String, Object> back = DatabaseSessionStore.decode(new io.vertx.core.json.JsonObject(
                DatabaseSessionStore.encode(data).encode()));
        assertThat(back).isEqualTo(data);
    }
}
