package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.in.PasswordChange;
import cn.egov.projects.application.port.in.PasswordUseCase;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Mdc;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Set;

/**
 * The person who signed in with a password that must be changed (set by an administrator, or older than the policy
 * allows) may only change it ({@code PUT /api/me/password}), see who is signed in and sign out
 * ({@code GET}/{@code DELETE /api/session}); every other request is answered 403 {@code AUTH_PASSWORD_CHANGE_REQUIRED}
 * — 403 rather than 401, since the caller is authenticated and signing in again would not help. Whether the change is
 * still due is asked again before refusing, so that a password changed through another session or instance frees this
 * one at once. Runs after the access guard (which answers unknown routes and anonymous callers first).
 */
public final class PasswordChangeGate implements Handler<RoutingContext> {

    static final String FLAG = "egov.passwordChangeRequired";

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChangeGate.class);

    /** The requests open to a person who must change the password: "METHOD path". */
    private static final Set<String> OPEN = Set.of("GET /api/session", "DELETE /api/session", "PUT /api/me/password");

    private final PasswordUseCase passwords;

    public PasswordChangeGate(PasswordUseCase passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /** Notes on the request that its caller must change the password (reason: a {@link PasswordChange}'s name). */
    static void flag(RoutingContext ctx, String reason) {
        if (reason != null) {
            ctx.put(FLAG, reason);
        }
    }

    /** Notes on the request the password change its session records as due (after a sign-in completed by its code). */
    public static void flagFromSession(RoutingContext ctx) {
        if (ctx.session() != null) {
            flag(ctx, Sessions.passwordChange(ctx.session()));
        }
    }

    /** Why the request's caller must change the password before anything else, or null. */
    public static PasswordChange required(RoutingContext ctx) {
        String reason = ctx.get(FLAG);
        if (reason == null) {
            return null;
        }
        try {
            return PasswordChange.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return PasswordChange.INITIAL;
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.get(FLAG) == null || Callers.actor(ctx).isEmpty()) {
            ctx.next();
            return;
        }
        HttpMethod method = ctx.request().method();
        if (OPEN.contains(method.name() + " " + ctx.request().path())) {
            ctx.next();
            return;
        }
        String userId = Callers.actor(ctx).get().userId();
        Blocking.call(ctx, () -> passwords.passwordChangeRequired(userId)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
            } else if (result.result().isEmpty()) {
                // changed meanwhile (another session, another instance): free from now on
                ctx.remove(FLAG);
                Sessions.passwordChange(ctx, null);
                Sessions.passwordExpiresAt(ctx, null);
                ctx.next();
            } else {
                Mdc.run(RequestIds.of(ctx), () -> LOG.info("password change required: {} {} refused", method,
                        ctx.request().path()));
                Replies.json(ctx, 403, new JsonObject().put("code", "AUTH_PASSWORD_CHANGE_REQUIRED")
                        .put("message", result.result().get().zh() + "，修改密码后才能继续使用系统")
                        .put("messageEn", "the password must be changed before anything else")
                        .put("reason", result.result().get().name())
                        .put("requestId", RequestIds.of(ctx)));
            }
        });
    }
}
