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

    @Test
    @DisplayName("缓存的验证在有效期内有效，过期后失效")
    void expires() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10, nanos::get);
        cache.remember("Basic abc", actor);

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
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(10), 3, nanos::get);
        cache.remember("a", actor);
        cache.remember("b", actor);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        cache.remember("c", actor);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());

        cache.remember("d", actor);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.lookup("c")).contains(actor);
        assertThat(cache.lookup("d")).contains(actor);
    }

    @Test
    @DisplayName("缓存的键是登录信息的SHA-256，不含明文")
    void keyIsADigest() {
        String header = "Basic cG9saWNlOmNvcnJlY3QtaG9yc2UtYmF0dGVyeQ==";

        String key = CredentialCache.key(header);

        assertThat(key).hasSize(64).matches("[0-9a-f]+").doesNotContain("cG9saWNl");
    }
}
