package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.application.port.in.SessionLimitUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.AccessRevisions;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.PasswordChangeGate;
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
 */
public final class SessionRoutes {

    private final SignInUseCase signIn;
    private final AccessRevisions revisions;
    private final SessionLimitUseCase sessionLimits;

    public SessionRoutes(SignInUseCase signIn, AccessRevisions revisions) {
        this(signIn, revisions, SessionLimitUseCase.NONE);
    }

    /** @param sessionLimits told of each new session, to end the account's older ones beyond its limit */
    public SessionRoutes(SignInUseCase signIn, AccessRevisions revisions, SessionLimitUseCase sessionLimits) {
        this.signIn = signIn;
        this.revisions = revisions;
        this.sessionLimits = sessionLimits;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/session", Rule.open(), this::signIn);
        table.add(router, HttpMethod.GET, "/api/session", Rule.signedIn(), this::current);
        table.add(router, HttpMethod.DELETE, "/api/session", Rule.signedIn(), this::signOut);
    }

    private void signIn(RoutingContext ctx) {
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        String username = f.text("username");
        char[] password = f.text("password").toCharArray();
        String address = ClientOrigin.address(ctx);
        String requestId = RequestIds.of(ctx);
        long revision = revisions.current();
        Blocking.call(ctx, () -> {
            try {
                return signIn.signIn(username, password, SignInUseCase.Channel.SESSION, requestId, address);
            } finally {
                Arrays.fill(password, '\0');
            }
        }).onSuccess(result -> {
            if (result instanceof SignInUseCase.SignedIn signedIn) {
                String csrf = Sessions.start(ctx, signedIn.actor(), revision);
                PasswordChange change = signedIn.passwordChange();
                Sessions.passwordChange(ctx, change == null ? null : change.name());
                Caller caller = new Caller(signedIn.actor(), requestId, address);
                String sessionId = ctx.session().id();
                // stored before the answer, so that the next request finds it through any instance; then the
                // account's older sessions beyond its limit are ended
                Sessions.saved(ctx).compose(v -> Blocking.call(ctx, () -> sessionLimits.sessionStarted(caller,
                        sessionId))).onSuccess(ended -> Replies.json(ctx, 200, withChange(person(signedIn.actor())
                        .put("csrfToken", csrf), change))).onFailure(ctx::fail);
            } else {
                SignInRefusals.answer(ctx, result, false);
            }
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
