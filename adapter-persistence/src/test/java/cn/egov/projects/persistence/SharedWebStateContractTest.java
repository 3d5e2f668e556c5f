package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AccessRevisionLogPort;
import cn.egov.projects.application.port.out.SignInWindowsPort;
import cn.egov.projects.application.port.out.WebSessionPort.StoredSession;
import cn.egov.projects.persistence.shared.SharedWebStateAdapter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the web tier's shared state (V15): sessions stored, read back, expired and purged; access revisions
 * numbered in one increasing sequence, each subject keeping its latest; sign-in windows that never count beyond a
 * limit, even under concurrent attempts, and tell the first refusal once.
 */
abstract class SharedWebStateContractTest extends PersistenceContractTest {

    private static final Instant NOW = Instant.parse("2027-03-01T02:00:00Z");

    private SharedWebStateAdapter shared() {
        return adapters.sharedWebState();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }

    @Test
    @DisplayName("会话写入后可读回；覆盖写以最后一次为准；过期的读不到并被清理；删除后读不到")
    void sessionsAreStoredExpiredAndDeleted() {
        String id = unique("s-");
        StoredSession first = new StoredSession(id, "{\"a\":1}", 1_800_000, NOW, NOW.plus(Duration.ofMinutes(30)));
        shared().save(first);
        assertThat(shared().load(id, NOW.plusSeconds(1))).contains(first);
        StoredSession later = new StoredSession(id, "{\"a\":2,\"中\":\"文\"}", 1_800_000, NOW.plusSeconds(60),
                NOW.plusSeconds(60).plus(Duration.ofMinutes(30)));
        shared().save(later);
        assertThat(shared().load(id, NOW.plusSeconds(61))).contains(later);
        assertThat(shared().load(id, later.expiresAt())).as("expired").isEmpty();

        String other = unique("s-");
        shared().save(new StoredSession(other, "{}", 1000, NOW, NOW.plusSeconds(1)));
        int before = shared().count(NOW);
        assertThat(before).isGreaterThanOrEqualTo(2);
        assertThat(shared().purgeExpired(NOW.plusSeconds(2))).isGreaterThanOrEqualTo(1);
        assertThat(shared().load(id, NOW.plusSeconds(2))).as("not yet expired: kept").contains(later);
        shared().delete(id);
        assertThat(shared().load(id, NOW.plusSeconds(2))).isEmpty();
    }

    @Test
    @DisplayName("会话表中不保存会话号本身（只存其SHA-256），读到表内容的人无法冒用会话")
    void theTableHoldsNoSessionId() {
        String id = unique("secret-session-");
        shared().save(new StoredSession(id, "{}", 1_800_000, NOW, NOW.plus(Duration.ofMinutes(30))));
        assertThat(queryLong("SELECT COUNT(*) FROM web_session WHERE session_id = ?", id)).isZero();
        assertThat(queryLong("SELECT COUNT(*) FROM web_session WHERE session_id = ?",
                SharedWebStateAdapter.storedKey(id))).isEqualTo(1);
        assertThat(shared().load(id, NOW.plusSeconds(1))).isPresent();
        shared().delete(id);
        assertThat(queryLong("SELECT COUNT(*) FROM web_session WHERE session_id = ?",
                SharedWebStateAdapter.storedKey(id))).isZero();
    }

    @Test
    @DisplayName("权限变更编号单调递增，同一主体只保留最新一次，锁定记录可按时间清理")
    void accessRevisionsAreNumberedInOrder() {
        String user = unique("u-");
        String name = unique("n-");
        List<AccessRevisionLogPort.Change> before = shared().since(0);
        long start = before.stream().mapToLong(AccessRevisionLogPort.Change::revision).max().orElse(0);
        long a = shared().record(AccessRevisionLogPort.Kind.ACCESS, user, NOW);
        long b = shared().record(AccessRevisionLogPort.Kind.LOCK, name, NOW.minus(Duration.ofHours(2)));
        long c = shared().record(AccessRevisionLogPort.Kind.ACCESS, user, NOW);
        assertThat(a).isGreaterThan(start);
        assertThat(b).isGreaterThan(a);
        assertThat(c).isGreaterThan(b);
        assertThat(shared().since(start)).containsExactly(
                new AccessRevisionLogPort.Change(AccessRevisionLogPort.Kind.LOCK, name, b),
                new AccessRevisionLogPort.Change(AccessRevisionLogPort.Kind.ACCESS, user, c));
        assertThat(shared().since(b)).containsExactly(
                new AccessRevisionLogPort.Change(AccessRevisionLogPort.Kind.ACCESS, user, c));
        assertThat(shared().purgeLocksBefore(NOW.minus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);
        assertThat(shared().since(start)).extracting(AccessRevisionLogPort.Change::subject).containsExactly(user);
    }

    @Test
    @DisplayName("并发记录权限变更：编号互不重复")
    void concurrentRevisionsAreDistinct() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String subject = unique("c-");
                futures.add(pool.submit(() -> shared().record(AccessRevisionLogPort.Kind.ACCESS, subject, NOW)));
            }
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> f : futures) {
                numbers.add(f.get());
            }
            assertThat(numbers).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("登录频率窗口：达到限制后拒绝且只首次拒绝记审计；成功的尝试归还名额；新窗口重新计数")
    void signInWindowsCountToTheLimit() {
        String address = unique("a:");
        String user = unique("u:");
        Instant window = NOW.truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 3; i++) {
            assertThat(shared().take(address, 3, user, 10, window).outcome())
                    .isEqualTo(SignInWindowsPort.Outcome.TAKEN);
        }
        assertThat(shared().take(address, 3, user, 10, window))
                .isEqualTo(new SignInWindowsPort.Taken(SignInWindowsPort.Outcome.ADDRESS_FULL, true));
        assertThat(shared().take(address, 3, user, 10, window))
                .isEqualTo(new SignInWindowsPort.Taken(SignInWindowsPort.Outcome.ADDRESS_FULL, false));
        shared().giveBack(address, user, window);
        assertThat(shared().take(address, 3, user, 10, window).outcome()).isEqualTo(SignInWindowsPort.Outcome.TAKEN);
        assertThat(shared().take(unique("a:"), 10, user, 3, window))
                .isEqualTo(new SignInWindowsPort.Taken(SignInWindowsPort.Outcome.USERNAME_FULL, true));
        Instant next = window.plus(Duration.ofMinutes(1));
        assertThat(shared().take(address, 3, user, 10, next).outcome()).isEqualTo(SignInWindowsPort.Outcome.TAKEN);
        assertThat(shared().purgeBefore(next)).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("并发登录尝试：共享窗口计数不会超过限制")
    void concurrentAttemptsNeverExceedTheLimit() throws Exception {
        String address = unique("a:");
        Instant window = NOW.truncatedTo(ChronoUnit.MINUTES);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<SignInWindowsPort.Taken>> attempts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String user = unique("u:");
                attempts.add(() -> shared().take(address, 10, user, 10, window));
            }
            long taken = 0;
            for (Future<SignInWindowsPort.Taken> f : pool.invokeAll(attempts)) {
                if (f.get().outcome() == SignInWindowsPort.Outcome.TAKEN) {
                    taken++;
                }
            }
            assertThat(taken).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("会话记下属于谁、何时登录；可列出某账号的有效会话并结束其中一个，结束原因不被后续写入覆盖")
    void sessionsOfAnAccountAndTheirEnd() {
        String user = unique("u-");
        String older = unique("s-");
        String newer = unique("s-");
        Instant expires = NOW.plus(Duration.ofMinutes(30));
        shared().save(new StoredSession(older, "{}", 1_800_000, NOW, expires, user, NOW, null));
        shared().save(new StoredSession(newer, "{}", 1_800_000, NOW, expires, user, NOW.plusSeconds(5), null));
        shared().save(new StoredSession(unique("s-"), "{}", 1_800_000, NOW, expires, unique("u-"), NOW, null));
        var sessions = shared().signedInSessions(user, newer, NOW.plusSeconds(10));
        assertThat(sessions).hasSize(2);
        assertThat(sessions).filteredOn(s -> s.current()).singleElement()
                .satisfies(s -> assertThat(s.signedInAt()).isEqualTo(NOW.plusSeconds(5)));
        String olderKey = sessions.stream().filter(s -> !s.current()).findFirst().orElseThrow().key();
        shared().endSession(olderKey, "SIGNED_IN_ELSEWHERE");
        // a request of the ended session still under way writes it again: it stays ended
        shared().save(new StoredSession(older, "{\"x\":1}", 1_800_000, NOW.plusSeconds(20), expires, user, NOW,
                null));
        assertThat(shared().load(older, NOW.plusSeconds(30))).hasValueSatisfying(
                s -> assertThat(s.endedReason()).isEqualTo("SIGNED_IN_ELSEWHERE"));
        assertThat(shared().load(newer, NOW.plusSeconds(30))).hasValueSatisfying(s -> {
            assertThat(s.endedReason()).isNull();
            assertThat(s.userId()).isEqualTo(user);
        });
        assertThat(shared().signedInSessions(user, newer, NOW.plusSeconds(30))).hasSize(1);
        assertThat(shared().signedInSessions(user, newer, expires)).as("expired").isEmpty();
    }

    @Test
    @DisplayName("导出限流的计数与登录限流的计数分开保存，互不清理")
    void exportWindowsApart() {
        SignInWindowsPort exports = adapters.exportWindows();
        String key = unique("a:");
        Instant window = NOW.truncatedTo(ChronoUnit.MINUTES);
        assertThat(exports.take(key, 1, unique("u:"), 5, window).outcome()).isEqualTo(SignInWindowsPort.Outcome.TAKEN);
        assertThat(exports.take(key, 1, unique("u:"), 5, window).outcome())
                .isEqualTo(SignInWindowsPort.Outcome.ADDRESS_FULL);
        assertThat(queryLong("SELECT COUNT(*) FROM export_window WHERE throttle_key = ?", key)).isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM sign_in_window WHERE throttle_key = ?", key)).isZero();
        shared().purgeBefore(window.plusSeconds(3600));
        assertThat(queryLong("SELECT COUNT(*) FROM export_window WHERE throttle_key = ?", key)).isEqualTo(1);
    }
}
