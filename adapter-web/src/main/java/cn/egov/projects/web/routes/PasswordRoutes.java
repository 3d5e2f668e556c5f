package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SignInRefusedException;
import cn.egov.projects.application.port.in.PasswordUseCase;
import cn.egov.projects.web.auth.SignInRefusals;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.Sessions;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;

/**
 * Passwords: {@code PUT /api/me/password {currentPassword, newPassword}} — every signed-in person changes their own
 * (also, and only, when a change is due); {@code PUT /api/accounts/:userId/password {newPassword}} — an administrator
 * resets another account's, to be changed at its next sign-in. A password the policy refuses is answered 400 with
 * {@code PASSWORD_TOO_WEAK}, {@code PASSWORD_CONTAINS_USERNAME}, {@code PASSWORD_REUSED} or (the current one wrong)
 * {@code PASSWORD_WRONG}.
 */
public final class PasswordRoutes {

    /** No password is longer (the policy's bound); a longer field is refused before it is looked at. */
    private static final int MAX = 128;

    private final PasswordUseCase passwords;

    public PasswordRoutes(PasswordUseCase passwords) {
        this.passwords = passwords;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.PUT, "/api/me/password", Rule.signedIn(), this::changeOwn);
        table.add(router, HttpMethod.PUT, "/api/accounts/:userId/password", Rule.of(Action.MANAGE_ACCOUNTS),
                this::reset);
    }

    private void changeOwn(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        char[] current = password(f, "currentPassword");
        char[] next = password(f, "newPassword");
        Blocking.call(ctx, () -> {
            try {
                passwords.changeOwnPassword(caller, current, next);
                return null;
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
            }
        }).onSuccess(v -> {
            // this session may do everything again
            Sessions.passwordChange(ctx, null);
            // the new password's age starts now; the next sign-in notes when it expires
            Sessions.passwordExpiresAt(ctx, null);
            Sessions.saved(ctx).onSuccess(w -> Replies.json(ctx, 200, new JsonObject().put("changed", true)))
                    .onFailure(ctx::fail);
        }).onFailure(failure -> {
            if (failure instanceof SignInRefusedException refused) {
                // the current password met the lockout or the rate limits: answered as at the sign-in form (429)
                SignInRefusals.answer(ctx, refused.result(), false);
            } else {
                ctx.fail(failure);
            }
        });
    }

    private void reset(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String userId = ctx.pathParam("userId");
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        char[] next = password(f, "newPassword");
        Blocking.call(ctx, () -> {
            try {
                passwords.resetPassword(caller, userId, next);
                return null;
            } finally {
                Arrays.fill(next, '\0');
            }
        }).onSuccess(v -> Replies.json(ctx, 200, new JsonObject().put("userId", userId)
                .put("mustChangeAtNextSignIn", true))).onFailure(ctx::fail);
    }

    private static char[] password(JsonFields f, String field) {
        Object raw = f.raw(field);
        if (!(raw instanceof String text) || text.isEmpty()) {
            throw new BadRequestException(f.path(field), "「" + field + "」不能为空", "'" + field + "' is required");
        }
        if (text.length() > MAX) {
            throw new BadRequestException(f.path(field), "密码不能超过" + MAX + "个字符",
                    "'" + field + "' is longer than " + MAX + " characters");
        }
        return text.toCharArray();
    }
}
