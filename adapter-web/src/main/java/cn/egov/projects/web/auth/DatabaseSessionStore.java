package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.out.WebSessionPort;
import cn.egov.projects.application.port.out.WebSessionPort.StoredSession;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.prng.VertxContextPRNG;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.AbstractSession;
import io.vertx.ext.web.sstore.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Browser sessions kept in the database ({@link WebSessionPort}), so that several application instances behind a
 * load balancer serve the same sessions: a person signs in through one instance and goes on through any other, also
 * after the first one died. Chosen over signed cookies with a revocation list because it needs no secret shared by
 * the instances, sign-out and a disabled account end a session at once everywhere (a row deleted, not a cookie
 * waiting to expire), and the database is read on every request anyway.
 *
 * <p>A session's data (the signed-in person, the access revision at which the person was loaded, the CSRF token) are
 * stored as JSON. A request that changes nothing writes the session again only when its last write is
 * {@link #TOUCH_EVERY} old, to push its idle expiry on: the idle timeout is thus kept to within that much. An empty
 * session never stored (a request with an unknown or expired cookie) is not written at all. The
 * database work runs on worker threads, never on the event loop; expired sessions are deleted every
 * {@link #PURGE_EVERY} by whichever instance comes first (each does it; the delete is idempotent).
 *
 * <p>The idle expiry is technical timing, not business time: it is measured on the real time
 * ({@link Instant#now()}), not on the application's clock, so that a simulated clock ({@code EGOV_CLOCK}) set on one
 * instance neither ends nor prolongs the sessions of the others.
 */
public final class DatabaseSessionStore implements SessionStore {

    /** A session used without change is written again (its expiry pushed on) at most this often. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** How often expired sessions are deleted. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSessionStore.class);
    /** The session entry of the signed-in person ({@link Sessions}). */
    private static final String ACTOR = "egov.actor";

    private final WebSessionPort port;
    private Vertx vertx;
    private VertxContextPRNG random;
    private long purgeTimer = -1;

    public DatabaseSessionStore(WebSessionPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    /** The store over the port, on this Vert.x, deleting expired sessions in the background. */
    public static DatabaseSessionStore create(Vertx vertx, WebSessionPort port) {
        DatabaseSessionStore store = new DatabaseSessionStore(port);
        store.init(vertx, new JsonObject());
        return store;
    }

    @Override
    public SessionStore init(Vertx vertx, JsonObject options) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.random = VertxContextPRNG.current(vertx);
        purgeTimer = vertx.setPeriodic(PURGE_EVERY.toMillis(), id -> vertx.executeBlocking(() ->
                port.purgeExpired(Instant.now()), false).onComplete(done -> {
                    if (done.failed()) {
                        LOG.warn("deleting expired sessions failed: {}", done.cause().getMessage());
                    } else if (done.result() > 0) {
                        LOG.debug("deleted {} expired sessions", done.result());
                    }
                }));
        return this;
    }

    /** No retries: the database is consistent, a session not found is not there. */
    @Override
    public long retryTimeout() {
        return 0;
    }

    @Override
    public Session createSession(long timeout) {
        return createSession(timeout, DEFAULT_SESSIONID_LENGTH);
    }

    @Override
    public Session createSession(long timeout, int length) {
        return new StoredWebSession(random, timeout, length);
    }

    @Override
    public Future<Session> get(String cookieValue) {
        return vertx.executeBlocking(() -> port.load(cookieValue, Instant.now()).map(this::decode).orElse(null),
                false);
    }

    @Override
    public Future<Void> delete(String id) {
        return vertx.executeBlocking(() -> {
            port.delete(id);
            return null;
        }, false);
    }

    @Override
    public Future<Void> put(Session session) {
        if (!(session instanceof StoredWebSession stored)) {
            return Future.failedFuture(new IllegalArgumentException("not a session of this store"));
        }
        if (stored.writtenId == null && stored.isEmpty()) {
            // a session nobody signed in to (an unknown or expired cookie): nothing worth a row
            return Future.succeededFuture();
        }
        long now = System.currentTimeMillis();
        if (stored.data().get(ACTOR) != null && stored.data().get(Sessions.SIGNED_IN_AT) == null) {
            // a session just signed in to: since when (the session limits end an account's oldest)
            stored.put(Sessions.SIGNED_IN_AT, now);
        }
        String data = encode(stored.data()).encode();
        if (stored.id().equals(stored.writtenId) && data.equals(stored.writtenData)
                && (stored.background || now - stored.writtenAt < TOUCH_EVERY.toMillis())) {
            // unchanged, and touched lately or only used in the background: the idle expiry stays where it is
            return Future.succeededFuture();
        }
        Instant at = Instant.ofEpochMilli(now);
        Object actor = stored.data().get(ACTOR);
        Object signedInAt = stored.data().get(Sessions.SIGNED_IN_AT);
        StoredSession row = new StoredSession(stored.id(), data, stored.timeout(), at,
                at.plusMillis(stored.timeout()), actor instanceof Actor a ? a.userId() : null,
                signedInAt instanceof Long millis ? Instant.ofEpochMilli(millis) : null, null);
        return vertx.executeBlocking(() -> {
            port.save(row);
            return null;
        }, false).map(v -> {
            stored.written(row.id(), data, now);
            return null;
        });
    }

    @Override
    public Future<Void> clear() {
        return vertx.executeBlocking(() -> {
            port.deleteAll();
            return null;
        }, false);
    }

    @Override
    public Future<Integer> size() {
        return vertx.executeBlocking(() -> port.count(Instant.now()), false);
    }

    @Override
    public void close() {
        if (vertx != null && purgeTimer >= 0) {
            vertx.cancelTimer(purgeTimer);
        }
    }

    private Session decode(StoredSession row) {
        StoredWebSession session = new StoredWebSession(random);
        // a session ended by the session limits keeps nothing but why: it signs nobody in
        Map<String, Object> data = row.endedReason() != null ? new HashMap<>(Map.of(Sessions.ENDED, row.endedReason()))
                : decode(new JsonObject(row.data()));
        session.restore(row.id(), row.timeoutMillis(), data, row.lastAccessed().toEpochMilli());
        session.written(row.id(), row.data(), row.lastAccessed().toEpochMilli());
        return session;
    }

    // ------------------------------------------------------------------------------------------- data as JSON

    /** Each entry tagged with its type: {@code s} text, {@code l} whole number, {@code b} yes/no, {@code actor}. */
    static JsonObject encode(Map<String, Object> data) {
        JsonObject json = new JsonObject();
        data.forEach((key, value) -> {
            if (value instanceof String text) {
                json.put(key, new JsonObject().put("s", text));
            } else if (value instanceof Long || value instanceof Integer) {
                json.put(key, new JsonObject().put("l", ((Number) value).longValue()));
            } else if (value instanceof Boolean flag) {
                json.put(key, new JsonObject().put("b", flag));
            } else if (value instanceof Actor actor) {
                json.put(key, new JsonObject().put("actor", new JsonObject()
                        .put("userId", actor.userId()).put("name", actor.name()).put("role", actor.role().name())
                        .put("unit", actor.unit().code())
                        .put("assigned", new JsonArray(actor.assigned().stream()
                                .map(p -> p.value().toString()).sorted().toList()))));
            } else if (value != null) {
                // nothing of this application puts other kinds; such an entry lives only as long as the request
                LOG.warn("session entry {} of type {} is not stored", key, value.getClass().getName());
            }
        });
        return json;
    }

    static Map<String, Object> decode(JsonObject json) {
        Map<String, Object> data = new HashMap<>();
        for (String key : json.fieldNames()) {
            JsonObject entry = json.getJsonObject(key);
            if (entry.containsKey("s")) {
                data.put(key, entry.getString("s"));
            } else if (entry.containsKey("l")) {
                data.put(key, entry.getLong("l"));
            } else if (entry.containsKey("b")) {
                data.put(key, entry.getBoolean("b"));
            } else if (entry.containsKey("actor")) {
                JsonObject a = entry.getJsonObject("actor");
                Set<ProjectId> assigned = a.getJsonArray("assigned").stream()
                        .map(id -> new ProjectId(UUID.fromString((String) id))).collect(Collectors.toSet());
                data.put(key, new Actor(a.getString("userId"), a.getString("name"), Role.valueOf(a.getString("role")),
                        new UnitId(a.getString("unit")), assigned));
            }
        }
        return data;
    }

    /**
     * Marks the request's session as used by the page in the background, not by the person (the bell's unread count,
     * asked by every open page at an interval): unless the request changes the session, its idle expiry is not pushed
     * on, so that a page left open still times out after {@code SESSION_TIMEOUT} without the person. No session (HTTP
     * Basic), or one of another store: nothing to mark.
     */
    public static void background(Session session) {
        if (session instanceof StoredWebSession stored) {
            stored.background = true;
        }
    }

    /** A session of this store: remembers what was last written, so that an unchanged one is not written again. */
    static final class StoredWebSession extends AbstractSession {

        private String writtenId;
        private String writtenData;
        private long writtenAt;
        /** Used by the page in the background only in this request ({@link #background}). */
        private boolean background;

        StoredWebSession(VertxContextPRNG random) {
            super(random);
        }

        StoredWebSession(VertxContextPRNG random, long timeout, int length) {
            super(random, timeout, length);
        }

        void restore(String id, long timeout, Map<String, Object> data, long lastAccessed) {
            setId(id);
            setTimeout(timeout);
            setData(data);
            setLastAccessed(lastAccessed);
        }

        void written(String id, String data, long at) {
            this.writtenId = id;
            this.writtenData = data;
            this.writtenAt = at;
        }
    }
}
