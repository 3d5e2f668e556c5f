package cn.egov.projects.web.auth;

import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("登录缓存")
class CredentialCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Actor actor = Actor.of("u1", Role.UNIT_STAFF, new UnitId("TC-GAJ"));
    private final AccessRevisions revisions = new AccessRevisions();

    @Test
    @DisplayName("缓存的验证在有效期内有效，过期后失效")
    void expires() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10, revisions, nanos::get);
        cache.remember("Basic abc", "police", actor, revisions.current());

        nanos.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        assertThat(cache.lookup("Basic abc")).contains(actor);
        assertThat(cache.lookup("Basic abd")).isEmpty();

        nanos.addAndGet(1);
        assertThat(cache.lookup("Basic abc")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    @DisplayName("缓存有上限，满时先清掉过期的")
    void bounded() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(10), 3, revisions, nanos::get);
        cache.remember("a", "police", actor, revisions.current());
        cache.remember("b", "police", actor, revisions.current());
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        cache.remember("c", "police", actor, revisions.current());
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());

        cache.remember("d", "police", actor, revisions.current());

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.lookup("c")).contains(actor);
        assertThat(cache.lookup("d")).contains(actor);
    }

    @Test
    @DisplayName("账号的权限在记住之后有变化（停用、被指定项目），缓存的验证即失效；别的账号不受影响")
    void anAccessChangeForgetsTheAccount() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10, revisions, nanos::get);
        Actor other = Actor.of("u2", Role.BDB_OFFICER, new UnitId("TC-DSJ"));
        long noted = revisions.current();
        cache.remember("Basic u1", "police", actor, noted);
        cache.remember("Basic u2", "bureau", other, noted);

        revisions.accessChanged("u1");

        assertThat(cache.lookup("Basic u1")).isEmpty();
        assertThat(cache.lookup("Basic u2")).contains(other);
        cache.remember("Basic u1", "police", actor, revisions.current());
        assertThat(cache.lookup("Basic u1")).contains(actor);
    }

    @Test
    @DisplayName("用户名被锁定后，锁定前（或锁定时正在校验）记住的验证即失效；别的用户名不受影响；解锁后重新验证的可再缓存")
    void aLockForgetsTheUsername() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10, revisions, nanos::get);
        Actor other = Actor.of("u2", Role.BDB_OFFICER, new UnitId("TC-DSJ"));
        long noted = revisions.current();
        cache.remember("Basic u1", "police", actor, noted);
        cache.remember("Basic u2", "bureau", other, noted);
        long checkBeganBeforeTheLock = revisions.current();

        revisions.accountLocked("police");

        assertThat(cache.lookup("Basic u1")).isEmpty();
        assertThat(cache.lookup("Basic u2")).contains(other);
        cache.remember("Basic u1", "police", actor, checkBeganBeforeTheLock);
        assertThat(cache.lookup("Basic u1")).isEmpty();
        cache.remember("Basic u1", "police", actor, revisions.current());
        assertThat(cache.lookup("Basic u1")).contains(actor);
    }

    @Test
    @DisplayName("记住的锁定用户名有上限：超出时此前记住的所有验证都须重新校验")
    void tooManyLocksForgetEverything() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10, revisions, nanos::get);
        cache.remember("Basic u1", "police", actor, revisions.current());
        for (int i = 0; i < AccessRevisions.MAX_LOCKS; i++) {
            revisions.accountLocked("guess" + i);
        }
        assertThat(cache.lookup("Basic u1")).contains(actor);

        revisions.accountLocked("one-more");

        assertThat(cache.lookup("Basic u1")).isEmpty();
        assertThat(revisions.lockedSince("guess1", revisions.current())).isFalse();
    }

    @Test
    @DisplayName("缓存的键是登录信息的SHA-256，不含明文")
    void keyIsADigest() {
        String header = "Basic cG9saWNlOmNvcnJlY3QtaG9yc2UtYmF0dGVyeQ==";

        String key = CredentialCache.key(header);

        assertThat(key).hasSize(64).matches("[0-9a-f]+").doesNotContain("cG9saWNl");
    }
}
