package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.out.WebSessionPort;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell's unread count is asked by every open page at an interval: such a background request must not push the
 * session's idle expiry on, or a page left open would never time out (等保 2.0: 会话超时).
 */
class BackgroundSessionUseTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One stored session, last written two minutes ago; every save counted. */
    private static final class OneSession implements WebSessionPort {
        final List<StoredSession> saved = new ArrayList<>();
        final StoredSession row;

        OneSession() {
            Instant written = Instant.now().minus(Duration.ofMinutes(2));
            String data = DatabaseSessionStore.encode(java.util.Map.of("egov.csrf", "token")).encode();
            row = new StoredSession("session-1", data, Duration.ofMinutes(30).toMillis(), written,
                    written.plus(Duration.ofMinutes(30)));
        }

        @Override
        public Optional<StoredSession> load(String id, Instant now) {
            return Optional.of(row);
        }

        @Override
        public void save(StoredSession session) {
            saved.add(session);
        }

        @Override
        public void delete(String id) {
        }

        @Override
        public int purgeExpired(Instant now) {
            return 0;
        }

        @Override
        public void deleteAll() {
        }

        @Override
        public int count(Instant now) {
            return 1;
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("铃铛的定时查询不延长会话的空闲期限；本人的请求照常延长")
    void backgroundUseDoesNotPushTheIdleExpiryOn() throws Exception {
        OneSession port = new OneSession();
        DatabaseSessionStore store = DatabaseSessionStore.create(vertx, port);
        try {
            Session polled = await(store.get("session-1"));
            DatabaseSessionStore.background(polled);
            await(store.put(polled));
            assertThat(port.saved).isEmpty();

            Session used = await(store.get("session-1"));
            await(store.put(used));
            assertThat(port.saved).hasSize(1);
            assertThat(port.saved.get(0).expiresAt()).isAfter(port.row.expiresAt());
        } finally {
            store.close();
        }
    }
}
