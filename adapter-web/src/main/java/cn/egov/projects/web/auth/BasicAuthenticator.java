package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.ClientOrigin;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is calling: the person signed in to the request's session, or else HTTP Basic credentials (RFC 7617, UTF-8,
 * for scripts) checked by the one sign-in policy ({@link SignInUseCase}: the same rate limits, lockout and audit trail
 * as the sign-in form). Wrong credentials are answered 401 with a challenge, a locked username or too many attempts
 * 429 ({@link SignInRefusals}); no credentials at all pass on anonymous, for the access guard to decide. Successful
 * verifications are cached ({@link CredentialCache}) until the account's access changes or its username is locked;
 * the password itself lives only in a char array that is wiped after the check. A session
 * whose account's access changed since it was loaded ({@link AccessRevisions}) gets the person as the account now
 * stands, or is ended when the account was disabled.
 *
 * <p>The second factor: an account that has one (and each of the three administrators) is signed in only with a
 * one-time code too — for HTTP Basic in the {@value SecondFactorAnswers#OTP_HEADER} header, checked in the same
 * sign-in and remembered with the header it came with (the password alone never finds it); a session signed in with
 * the password only owes the code (or the enrolment) and may make no other request
 * ({@link SecondFactorAnswers}: 401 {@code AUTH_SECOND_FACTOR_REQUIRED}).
 */
public final class BasicAuthenticator implements AuthenticationHandler {

    static final String CHALLENGE = "Basic realm=\"egov-projects\", charset=\"UTF-8\"";

    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticator.class);

    private final SignInUseCase signIn;
    private final AuthenticateUseCase authenticate;
    private final CredentialCache cache;
    private final AccessRevisions revisions;
    private final SecondFactorUseCase secondFactor;
    private final Map<String, Future<Checked>> inFlight = new ConcurrentHashMap<>();
    private final ClockPort clock;

    /**
     * A sign-in's answer and the access revision noted before it ran; for a right password, what the account still
     * owes and the verdict on the code given (null: none checked).
     */
    private record Checked(SignInUseCase.Result result, long revision, SecondFactorUseCase.Requirement owed,
                           SecondFactorUseCase.Verdict code) {
    }

    /**
     * @param signIn       checks HTTP Basic credentials
     * @param authenticate loads a session's person again after the account's access changed
     */
    public BasicAuthenticator(SignInUseCase signIn, AuthenticateUseCase authenticate, CredentialCache cache,
                              AccessRevisions revisions, SecondFactorUseCase secondFactor) {
        this(signIn, authenticate, cache, revisions, secondFactor, java.time.Instant::now);
    }

    /**
     * @param clock the application's clock, on which passwords expire: a session or a remembered credential that
     *              outlives its password's maximum age must change it from that moment on
     */
    public BasicAuthenticator(SignInUseCase signIn, AuthenticateUseCase authenticate, CredentialCache cache,
                              AccessRevisions revisions, SecondFactorUseCase secondFactor, ClockPort clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.secondFactor = java.util.Objects.requireNonNull(secondFactor, "secondFactor");
        this.signIn = signIn;
        this.authenticate = authenticate;
        this.cache = cache;
        this.revisions = revisions;
    }

    /** Marks a request whose session was ended by the session limits: its 401 says why. */
    static final String ENDED = "egov.sessionEnded";

    @Override
    public void handle(RoutingContext ctx) {
        String ended = Sessions.endedReason(ctx);
        if (ended != null) {
            // signed in elsewhere since: the session signs nobody in; the request goes on anonymous (it may sign in
            // again, which replaces the session)
            LOG.info("a session ended by the session limits was used again ({})", ended);
            ctx.put(ENDED, ended);
        }
        Sessions.SignedIn session = Sessions.signedIn(ctx);
        if (session != null) {
            fromSession(ctx, session);
            return;
        }
        fromCredentials(ctx);
    }

    private void fromSession(RoutingContext ctx, Sessions.SignedIn session) {
        String owed = Sessions.owed(session.session());
        if (owed != null) {
            if (Sessions.pendingExpired(session.session())) {
                // the time to give the code or enrol is over: sign in again
                Sessions.end(ctx);
                ctx.next();
                return;
            }
            if (!SecondFactorAnswers.allowedWhileOwed(ctx, owed)) {
                SecondFactorAnswers.required(ctx, SecondFactorUseCase.Requirement.valueOf(owed), false, null);
                return;
            }
        }
        String userId = session.actor().userId();
        if (owed == null) {
            // a password change due comes after the second factor: while the code is owed, only the code is asked for
            PasswordChangeGate.flag(ctx, dueBy(Sessions.passwordChange(session.session()),
                    Sessions.passwordExpiresAt(session.session())));
        }
        if (!revisions.changedSince(userId, session.revision())) {
            Sessions.signIn(ctx, session, session.actor(), session.revision());
            ctx.next();
            return;
        }
        long noted = revisions.current();
        Blocking.call(ctx, () -> authenticate.current(userId)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                LOG.info("session ended: its account was disabled");
                Sessions.end(ctx);
                ctx.next();
            } else {
                Sessions.signIn(ctx, session, result.result().get(), noted);
                ctx.next();
            }
        });
    }

    private void fromCredentials(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            // nobody is signed in: the access guard decides whether the route needs somebody
            ctx.next();
            return;
        }
        String otp = ctx.request().getHeader(SecondFactorAnswers.OTP_HEADER);
        if (otp != null && otp.length() > 16) {
            otp = otp.substring(0, 16);
        }
        // a credential with a one-time code is remembered with its code: the header alone never finds it
        String remembered = otp == null ? header : header + "\n" + SecondFactorAnswers.OTP_HEADER + ": " + otp;
        Optional<CredentialCache.Remembered> cached = cache.recall(remembered);
        if (cached.isPresent()) {
            long factorAt = cache.secondFactorAt(remembered);
            if (factorAt >= 0) {
                Sessions.requestPassedSecondFactor(ctx, factorAt);
            }
            ctx.put(Callers.ACTOR, cached.get().actor());
            PasswordChangeGate.flag(ctx, dueBy(cached.get().passwordChange(), cached.get().passwordExpiresAt()));
            ctx.next();
            return;
        }
        Credentials credentials = Credentials.decode(header.substring(6).trim());
        if (credentials == null) {
            LOG.info("malformed Basic credentials from {}", ClientOrigin.address(ctx));
            challenge(ctx, "登录信息格式不正确", "malformed Basic credentials");
            return;
        }
        // concurrent requests with the same header share one check of the (deliberately slow) password hash
        String key = CredentialCache.key(remembered);
        String requestId = RequestIds.of(ctx);
        String address = ClientOrigin.address(ctx);
        String code = otp;
        Future<Checked> check = inFlight.computeIfAbsent(key, k -> {
            long noted = revisions.current();
            return Blocking.call(ctx, () -> {
                try {
                    SignInUseCase.Result result = signIn.signIn(credentials.username(), credentials.password(),
                            SignInUseCase.Channel.BASIC, requestId, address);
                    if (!(result instanceof SignInUseCase.SignedIn signedIn)) {
                        return new Checked(result, noted, null, null);
                    }
                    SecondFactorUseCase.Requirement owed = secondFactor.requirement(signedIn.actor());
                    SecondFactorUseCase.Verdict verdict = owed == SecondFactorUseCase.Requirement.CODE
                            && code != null ? secondFactor.verifyAtSignIn(signedIn.actor(), credentials.username(),
                            code, SignInUseCase.Channel.BASIC, requestId, address) : null;
                    return new Checked(result, noted, owed, verdict);
                } finally {
                    credentials.wipe();
                }
            });
        });
        check.onComplete(done -> {
            inFlight.remove(key, check);
            credentials.wipe();
        });
        check.onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().result() instanceof SignInUseCase.SignedIn signedIn) {
                Checked checked = result.result();
                Actor actor = signedIn.actor();
                String change = signedIn.passwordChange() == null ? null : signedIn.passwordChange().name();
                if (checked.owed() == SecondFactorUseCase.Requirement.NONE) {
                    cache.remember(remembered, credentials.username().trim(), actor, checked.revision(), change,
                            signedIn.passwordExpiresAt());
                } else if (checked.code() instanceof SecondFactorUseCase.Accepted) {
                    long at = Sessions.requestPassedSecondFactorNow(ctx);
                    cache.rememberWithSecondFactor(remembered, credentials.username().trim(), actor,
                            checked.revision(), change, signedIn.passwordExpiresAt(), at);
                } else if (checked.code() != null) {
                    LOG.info("one-time code refused for a Basic credential from {}", address);
                    SecondFactorAnswers.refused(ctx, checked.code());
                    return;
                } else {
                    SecondFactorAnswers.required(ctx, checked.owed(), true, null);
                    return;
                }
                ctx.put(Callers.ACTOR, actor);
                PasswordChangeGate.flag(ctx, change);
                ctx.next();
            } else {
                LOG.info("sign-in refused for a Basic credential from {}: {}", address,
                        result.result().result().getClass().getSimpleName());
                SignInRefusals.answer(ctx, result.result().result(), true);
            }
        });
    }

    /**
     * Why the caller must change the password now: as noted at sign-in, or, when the password has since reached its
     * maximum age on the application's clock, because it expired ({@link PasswordChangeGate} confirms it with the
     * account's state before refusing anything).
     */
    private String dueBy(String noted, java.time.Instant passwordExpiresAt) {
        if (noted != null) {
            return noted;
        }
        return SignInUseCase.SignedIn.expired(passwordExpiresAt, clock.now())
                ? cn.egov.projects.application.port.in.PasswordChange.EXPIRED.name() : null;
    }

    /** Answers 401; with the Basic challenge unless the page's own script asked (no browser login dialog). */
    public static void challenge(RoutingContext ctx, String zh, String en) {
        if (ctx.request().getHeader("X-Requested-With") == null) {
            ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
        }
        if (ctx.get(ENDED) != null) {
            // the session this request came with was ended because the account signed in elsewhere
            Replies.json(ctx, 401, new JsonObject().put("code", "SESSION_ENDED_SIGNED_IN_ELSEWHERE")
                    .put("message", "您的账号已在其他地方登录，本会话已结束；如非本人操作，请立即修改密码并联系管理员")
                    .put("messageEn", "this session was ended: the account signed in elsewhere")
                    .put("requestId", RequestIds.of(ctx)));
            return;
        }
        Replies.json(ctx, 401, new JsonObject().put("code", "UNAUTHORIZED").put("message", zh)
                .put("messageEn", en).put("requestId", RequestIds.of(ctx)));
    }

    /** A username and a password decoded from {@code base64(user:password)}. */
    private record Credentials(String username, char[] password) {

        static Credentials decode(String base64) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return null;
            }
            CharBuffer chars;
            try {
                chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw));
            } catch (CharacterCodingException e) {
                return null;
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
            int colon = -1;
            for (int i = chars.position(); i < chars.limit(); i++) {
                if (chars.get(i) == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon <= 0) {
                wipe(chars);
                return null;
            }
            String username = chars.subSequence(0, colon).toString();
            char[] password = new char[chars.limit() - colon - 1];
            for (int i = 0; i < password.length; i++) {
                password[i] = chars.get(colon + 1 + i);
            }
            wipe(chars);
            return new Credentials(username, password);
        }

        void wipe() {
            Arrays.fill(password, '\0');
        }

        private static void wipe(CharBuffer chars) {
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
