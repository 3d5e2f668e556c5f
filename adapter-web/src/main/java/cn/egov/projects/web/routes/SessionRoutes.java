package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SessionLimitUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.AccessRevisions;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.PasswordChangeGate;
import cn.egov.projects.web.auth.SecondFactorAnswers;
import cn.egov.projects.web.auth.Sessions;
import cn.egov.projects.web.auth.SignInRefusals;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.ClientOrigin;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;

/**
 * Signing in and out of a browser session: {@code POST /api/session {username, password}} → 200 with the person and
 * the session's CSRF token (the cookie is HttpOnly, SameSite=Strict, Secure behind TLS); wrong credentials 401; a
 * locked username or too many attempts 429 with {@code Retry-After} ({@link SignInRefusals}, the same policy as HTTP
 * Basic). {@code GET /api/session} tells who is signed in (and the token again,
 * for a reloaded page); {@code DELETE /api/session} ends the session on the server. Both answers with the person say
 * whether the password must be changed first ({@code passwordChangeRequired}); a new session ends the account's older
 * ones beyond its limit ({@link SessionLimitUseCase}: one for the three administrators).
 *
 * <p>The second factor: {@code {username, password, code}} signs an account that has one in at once; without the
 * code (or, for an administrator, without an enrolment) the answer is 401 {@code AUTH_SECOND_FACTOR_REQUIRED} with a
 * session that owes it for {@link SecondFactorAnswers#PENDING_FOR} and may do nothing else: the page then sends
 * {@code POST /api/session/code {code}} (or enrols) without the password again. In a signed-in session the same call
 * is the step-up before a sensitive action.
 */
public final class SessionRoutes {

    private final SignInUseCase signIn;
    private final AccessRevisions revisions;
    private final SecondFactorUseCase secondFactor;
    private final SessionLimitUseCase sessionLimits;

    /**
     * @param sessionLimits told of each new session (once its second factor is passed, when it owes one), to end the
     *                      account's older sessions beyond its limit
     */
    public SessionRoutes(SignInUseCase signIn, AccessRevisions revisions, SecondFactorUseCase secondFactor,
                         SessionLimitUseCase sessionLimits) {
        this.signIn = signIn;
        this.revisions = revisions;
        this.secondFactor = secondFactor;
        this.sessionLimits = sessionLimits;
    }

    /** A right password and what the account still owes; the verdict on a code given with it (null: none). */
    private record Outcome(SignInUseCase.Result result, SecondFactorUseCase.Requirement owed,
                           SecondFactorUseCase.Verdict code) {
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/session", Rule.open(), this::signIn);
        table.add(router, HttpMethod.GET, "/api/session", Rule.signedIn(), this::current);
        table.add(router, HttpMethod.DELETE, "/api/session", Rule.signedIn(), this::signOut);
        table.add(router, HttpMethod.POST, "/api/session/code", Rule.signedIn(), this::code);
    }

    private void signIn(RoutingContext ctx) {
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        String username = f.text("username");
        char[] password = f.text("password").toCharArray();
        String code = f.optionalText("code");
        String address = ClientOrigin.address(ctx);
        String requestId = RequestIds.of(ctx);
        long revision = revisions.current();
        Blocking.call(ctx, () -> {
            try {
                SignInUseCase.Result result = signIn.signIn(username, password, SignInUseCase.Channel.SESSION,
                        requestId, address);
                if (!(result instanceof SignInUseCase.SignedIn signedIn)) {
                    return new Outcome(result, null, null);
                }
                SecondFactorUseCase.Requirement owed = secondFactor.requirement(signedIn.actor());
                SecondFactorUseCase.Verdict verdict = owed == SecondFactorUseCase.Requirement.CODE
                        && code != null && !code.isBlank()
                        ? secondFactor.verifyAtSignIn(signedIn.actor(), username, code.trim(),
                        SignInUseCase.Channel.SESSION, requestId, address) : null;
                return new Outcome(result, owed, verdict);
            } finally {
                Arrays.fill(password, '\0');
            }
        }).onSuccess(outcome -> {
            if (!(outcome.result() instanceof SignInUseCase.SignedIn signedIn)) {
                SignInRefusals.answer(ctx, outcome.result(), false);
                return;
            }
            if (outcome.code() != null && !(outcome.code() instanceof SecondFactorUseCase.Accepted)) {
                SecondFactorAnswers.refused(ctx, outcome.code());
                return;
            }
            if (outcome.owed() != SecondFactorUseCase.Requirement.NONE && outcome.code() == null) {
                // the password was right: a session that may only give the code (or enrol), for a short while
                String csrf = Sessions.startPending(ctx, signedIn.actor(), revision, outcome.owed().name(),
                        username.trim(), SecondFactorAnswers.PENDING_FOR);
                PasswordChange change = signedIn.passwordChange();
                Sessions.passwordChange(ctx, change == null ? null : change.name());
                Sessions.passwordExpiresAt(ctx, signedIn.passwordExpiresAt());
                Sessions.saved(ctx).onSuccess(v -> SecondFactorAnswers.required(ctx, outcome.owed(), false, csrf))
                        .onFailure(ctx::fail);
                return;
            }
            String csrf = Sessions.start(ctx, signedIn.actor(), revision);
            if (outcome.code() != null) {
                Sessions.secondFactorPassed(ctx);
            }
            PasswordChange change = signedIn.passwordChange();
            Sessions.passwordChange(ctx, change == null ? null : change.name());
            Sessions.passwordExpiresAt(ctx, signedIn.passwordExpiresAt());
            Caller caller = new Caller(signedIn.actor(), requestId, address);
            String sessionId = ctx.session().id();
            // stored before the answer, so that the next request finds it through any instance; then the account's
            // older sessions beyond its limit are ended
            Sessions.saved(ctx).compose(v -> Blocking.call(ctx, () -> sessionLimits.sessionStarted(caller,
                    sessionId))).onSuccess(ended -> Replies.json(ctx, 200, withChange(person(signedIn.actor())
                    .put("csrfToken", csrf), change))).onFailure(ctx::fail);
        }).onFailure(ctx::fail);
    }

    /**
     * The one-time code: completes a sign-in that owes it, or (in a signed-in session) steps up before a sensitive
     * action.
     */
    private void code(RoutingContext ctx) {
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        String code = f.text("code").trim();
        var caller = Callers.of(ctx);
        String owed = Sessions.owed(ctx);
        if ("ENROLMENT".equals(owed)) {
            SecondFactorAnswers.required(ctx, SecondFactorUseCase.Requirement.ENROLMENT, false, null);
            return;
        }
        String username = Sessions.pendingUsername(ctx);
        Blocking.call(ctx, () -> owed != null
                ? secondFactor.verifyAtSignIn(caller.actor(), username, code, SignInUseCase.Channel.SESSION,
                caller.requestId(), caller.sourceAddress())
                : secondFactor.verify(caller, code, SecondFactorUseCase.Purpose.STEP_UP)).onSuccess(verdict -> {
                    if (!(verdict instanceof SecondFactorUseCase.Accepted)) {
                        SecondFactorAnswers.refused(ctx, verdict);
                        return;
                    }
                    Sessions.secondFactorPassed(ctx);
                    // a password change due is told now that the sign-in is complete
                    PasswordChangeGate.flagFromSession(ctx);
                    JsonObject body = withChange(person(caller.actor()), PasswordChangeGate.required(ctx))
                            .put("secondFactorPassed", true);
                    Sessions.csrfToken(ctx).ifPresent(token -> body.put("csrfToken", token));
                    String sessionId = ctx.session().id();
                    // a sign-in completed by its code is a new session: the account's older ones beyond its limit
                    // end now; a step-up in a signed-in session is not a new one
                    Sessions.saved(ctx).compose(v -> Blocking.call(ctx, () -> owed == null ? 0
                                    : sessionLimits.sessionStarted(caller, sessionId)))
                            .onSuccess(v -> Replies.json(ctx, 200, body)).onFailure(ctx::fail);
                }).onFailure(ctx::fail);
    }

    private void current(RoutingContext ctx) {
        Actor actor = Callers.of(ctx).actor();
        JsonObject body = withChange(person(actor), PasswordChangeGate.required(ctx));
        Sessions.csrfToken(ctx).ifPresent(token -> body.put("csrfToken", token));
        Replies.json(ctx, 200, body);
    }

    /** Says whether (and why) the password must be changed before anything else. */
    private static JsonObject withChange(JsonObject person, PasswordChange change) {
        person.put("passwordChangeRequired", change != null);
        if (change != null) {
            person.put("passwordChangeReason", change.name()).put("passwordChangeMessage", change.zh());
        }
        return person;
    }

    private void signOut(RoutingContext ctx) {
        Sessions.end(ctx);
        Sessions.saved(ctx).onSuccess(v -> Replies.json(ctx, 200, new JsonObject().put("signedOut", true)))
                .onFailure(ctx::fail);
    }

    static JsonObject person(Actor actor) {
        return new JsonObject().put("userId", actor.userId()).put("name", actor.name())
                .put("role", actor.role().name()).put("roleZh", actor.role().zh()).put("unit", actor.unit().code());
    }
}
