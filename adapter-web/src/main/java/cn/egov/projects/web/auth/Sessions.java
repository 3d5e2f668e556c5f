package cn.egov.projects.web.auth;

import cn.egov.projects.domain.access.Actor;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed-in person of a browser session (Vert.x {@code SessionHandler}, kept server-side — in the database, shared
 * by every instance, {@link DatabaseSessionStore} — idle timeout 30 minutes) and the session's CSRF token, which every
 * state-changing request of the session must echo in the {@value #CSRF_HEADER} header.
 */
public final class Sessions {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The name of the session cookie. */
    public static final String COOKIE = "EGOV_SESSION";

    private static final String ACTOR = "egov.actor";
    private static final String REVISION = "egov.revision";
    private static final String CSRF = "egov.csrf";
    private static final String VIA_SESSION = "egov.viaSession";
    private static final String HANDLER = "egov.sessionHandler";
    /** The second factor still owed by a session signed in with the password only: "CODE" or "ENROLMENT". */
    private static final String FACTOR_PENDING = "egov.factorPending";
    /** Until when (epoch ms) a session owing the second factor may still provide it. */
    private static final String PENDING_UNTIL = "egov.pendingUntil";
    /** The username typed at sign-in, the lockout's key for the code owed. */
    private static final String PENDING_USERNAME = "egov.pendingUsername";
    /** When (epoch ms, real time) the session last passed a one-time code: sign-in, enrolment or step-up. */
    private static final String FACTOR_AT = "egov.factorAt";
    /** The same for a request signed in by HTTP Basic with a one-time code. */
    private static final String REQUEST_FACTOR_AT = "egov.requestFactorAt";
    /**
     * When the session was signed in to (epoch milliseconds, real time, stamped by the store): the session limits end
     * the oldest.
     */
    static final String SIGNED_IN_AT = "egov.signedInAt";
    /** Why the password must be changed before anything else ({@code PasswordChange}'s name), when it must. */
    private static final String PASSWORD_CHANGE = "egov.passwordChange";
    /** When the password reaches its maximum age (epoch milliseconds, application clock), when known. */
    private static final String PASSWORD_EXPIRES_AT = "egov.passwordExpiresAt";
    /** Why the session was ended by the session limits (a session ended so carries nothing else). */
    static final String ENDED = "egov.ended";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sessions() {
    }

    /**
     * Starts a signed-in session for the actor: a new session id (no fixation), a new CSRF token.
     *
     * @param revision the {@link AccessRevisions#current()} noted before the actor was loaded
     * @return the CSRF token
     */
    public static String start(RoutingContext ctx, Actor actor, long revision) {
        Session session = ctx.session();
        session.regenerateId();
        session.remove(ENDED);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        session.put(ACTOR, actor);
        session.put(REVISION, revision);
        session.put(CSRF, csrf);
        // stamped by the store when it first writes the signed-in session (DatabaseSessionStore)
        session.remove(SIGNED_IN_AT);
        return csrf;
    }

    /** Notes in the session that its person must change the password before anything else (null: need not). */
    public static void passwordChange(RoutingContext ctx, String reason) {
        Session session = ctx.session();
        if (session == null) {
            return;
        }
        if (reason == null) {
            session.remove(PASSWORD_CHANGE);
        } else {
            session.put(PASSWORD_CHANGE, reason);
        }
    }

    /** Why the session's person must change the password, as noted at sign-in, or null. */
    static String passwordChange(Session session) {
        return session.get(PASSWORD_CHANGE);
    }

    /**
     * Notes in the session when its person's password reaches the policy's maximum age (application clock; null: never
     * or not known), so that a session that outlives it asks for the change from then on.
     */
    public static void passwordExpiresAt(RoutingContext ctx, java.time.Instant at) {
        Session session = ctx.session();
        if (session == null) {
            return;
        }
        if (at == null) {
            session.remove(PASSWORD_EXPIRES_AT);
        } else {
            session.put(PASSWORD_EXPIRES_AT, at.toEpochMilli());
        }
    }

    /** When the session's person's password expires, as noted at sign-in, or null. */
    static java.time.Instant passwordExpiresAt(Session session) {
        Object at = session.get(PASSWORD_EXPIRES_AT);
        return at instanceof Number n ? java.time.Instant.ofEpochMilli(n.longValue()) : null;
    }

    /**
     * Why the request's session was ended by the session limits (the account signed in elsewhere), or null: such a
     * session signs nobody in.
     */
    static String endedReason(RoutingContext ctx) {
        if (ctx.request().getCookie(COOKIE) == null) {
            return null;
        }
        Session session = ctx.session();
        return session == null || session.isDestroyed() ? null : session.get(ENDED);
    }

    /** Notes the session handler that serves the request, for {@link #saved}. */
    public static void servedBy(RoutingContext ctx, SessionHandler handler) {
        ctx.put(HANDLER, handler);
    }

    /**
     * Writes the request's session to its store now. The session handler writes it only as the answer's headers go
     * out, without waiting: a sign-in answered before its session is stored could be followed by a request through
     * another instance that does not find it yet. So a sign-in and a sign-out wait for this before they answer.
     */
    public static Future<Void> saved(RoutingContext ctx) {
        SessionHandler handler = ctx.get(HANDLER);
        return handler == null || ctx.session() == null ? Future.succeededFuture() : handler.flush(ctx);
    }

    /** The person a session was signed in as, and the access revision at which it was loaded. */
    record SignedIn(Session session, Actor actor, long revision) {
    }

    /** Ends the session on the server; its cookie no longer signs anybody in. */
    public static void end(RoutingContext ctx) {
        Session session = ctx.session();
        if (session != null) {
            session.destroy();
        }
    }

    /** The session's CSRF token, when somebody is signed in to it. */
    public static Optional<String> csrfToken(RoutingContext ctx) {
        Session session = ctx.session();
        return session == null ? Optional.empty() : Optional.ofNullable(session.get(CSRF));
    }

    /**
     * The session's signed-in person, if any. A request without the session cookie (HTTP Basic from a script, a
     * first visit) is not given a session: one stored for each such request would fill the store, which its reaper
     * walks every second on the event loop.
     */
    static SignedIn signedIn(RoutingContext ctx) {
        if (ctx.request().getCookie(COOKIE) == null) {
            return null;
        }
        Session session = ctx.session();
        if (session == null || session.isDestroyed()) {
            return null;
        }
        Actor actor = session.get(ACTOR);
        if (actor == null) {
            return null;
        }
        Long revision = session.get(REVISION);
        return new SignedIn(session, actor, revision == null ? -1 : revision);
    }

    /** Puts the session's person on the request; the session now holds the person as loaded at the revision. */
    static void signIn(RoutingContext ctx, SignedIn signedIn, Actor actor, long revision) {
        if (actor != signedIn.actor()) {
            signedIn.session().put(ACTOR, actor);
            signedIn.session().put(REVISION, revision);
        }
        ctx.put(Callers.ACTOR, actor);
        ctx.put(VIA_SESSION, Boolean.TRUE);
    }

    /** Whether the request's caller was signed in by the session cookie (and so must prove its CSRF token). */
    public static boolean viaSession(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(VIA_SESSION));
    }

    /** Whether the request echoes the session's CSRF token. */
    public static boolean csrfMatches(RoutingContext ctx) {
        String sent = ctx.request().getHeader(CSRF_HEADER);
        Optional<String> expected = csrfToken(ctx);
        return sent != null && expected.isPresent() && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------ second factor

    /**
     * Starts a session that owes the second factor ({@code "CODE"} or {@code "ENROLMENT"}) for at most
     * {@code pendingFor}: until it is given, the session may do nothing but give it (or enrol).
     *
     * @return the CSRF token
     */
    public static String startPending(RoutingContext ctx, Actor actor, long revision, String owed, String username,
                                      java.time.Duration pendingFor) {
        String csrf = start(ctx, actor, revision);
        Session session = ctx.session();
        session.put(FACTOR_PENDING, owed);
        session.put(PENDING_USERNAME, username);
        session.put(PENDING_UNTIL, System.currentTimeMillis() + pendingFor.toMillis());
        return csrf;
    }

    /** What the session still owes ("CODE", "ENROLMENT"), or null when it is fully signed in (or none). */
    static String owed(Session session) {
        return session.get(FACTOR_PENDING);
    }

    /** Whether the session's time to give what it owes is over. */
    static boolean pendingExpired(Session session) {
        Long until = session.get(PENDING_UNTIL);
        return until == null || System.currentTimeMillis() >= until;
    }

    /** What the request's session still owes, or null. */
    public static String owed(RoutingContext ctx) {
        Session session = ctx.session();
        return session == null || session.isDestroyed() ? null : session.get(FACTOR_PENDING);
    }

    /** The username typed at the sign-in of a session that owes its code. */
    public static String pendingUsername(RoutingContext ctx) {
        Session session = ctx.session();
        return session == null ? null : session.get(PENDING_USERNAME);
    }

    /**
     * The session passed a one-time code now: a session that owed it is fully signed in from here on, under a new
     * session id (no fixation); a signed-in one has stepped up.
     */
    public static void secondFactorPassed(RoutingContext ctx) {
        Session session = ctx.session();
        if (session.get(FACTOR_PENDING) != null) {
            session.regenerateId();
            session.remove(FACTOR_PENDING);
            session.remove(PENDING_UNTIL);
            session.remove(PENDING_USERNAME);
        }
        session.put(FACTOR_AT, System.currentTimeMillis());
    }

    /** A request signed in by HTTP Basic passed a one-time code at this time (epoch ms). */
    static void requestPassedSecondFactor(RoutingContext ctx, long at) {
        ctx.put(REQUEST_FACTOR_AT, at);
    }

    /** A request signed in by HTTP Basic passed a one-time code now; returns when (epoch ms, real time). */
    static long requestPassedSecondFactorNow(RoutingContext ctx) {
        long now = System.currentTimeMillis();
        requestPassedSecondFactor(ctx, now);
        return now;
    }

    /** When the caller last passed a one-time code (epoch ms, real time): by its session or its Basic request. */
    public static java.util.OptionalLong secondFactorAt(RoutingContext ctx) {
        Long byRequest = ctx.get(REQUEST_FACTOR_AT);
        if (byRequest != null) {
            return java.util.OptionalLong.of(byRequest);
        }
        if (viaSession(ctx) && ctx.session() != null) {
            Long at = ctx.session().get(FACTOR_AT);
            return at == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(at);
        }
        return java.util.OptionalLong.empty();
    }

    /** Whether a one-time code passed at {@code at} ({@link #secondFactorAt}) is within the last minutes (real time). */
    public static boolean secondFactorWithin(java.util.OptionalLong at, int minutes) {
        if (at.isEmpty()) {
            return false;
        }
        long age = System.currentTimeMillis() - at.getAsLong();
        return age >= -java.time.Duration.ofMinutes(1).toMillis() && age <= java.time.Duration.ofMinutes(minutes).toMillis();
    }
}
