package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

/**
 * The answers to a sign-in that did not sign anybody in, the same for the sign-in form and for HTTP Basic: wrong
 * credentials 401; a locked username 429 {@code ACCOUNT_LOCKED}; too many attempts 429 {@code TOO_MANY_ATTEMPTS};
 * both 429 with {@code Retry-After} in seconds. None tells whether the username exists.
 */
public final class SignInRefusals {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ClockPort.ZONE);

    private SignInRefusals() {
    }

    /**
     * Answers a sign-in that failed.
     *
     * @param basic whether the credentials came as HTTP Basic (a 401 then carries the Basic challenge)
     */
    public static void answer(RoutingContext ctx, SignInUseCase.Result result, boolean basic) {
        String requestId = RequestIds.of(ctx);
        if (result instanceof SignInUseCase.Locked locked) {
            retryAfter(ctx, locked.retryAfter());
            Replies.json(ctx, 429, new JsonObject().put("code", "ACCOUNT_LOCKED")
                    .put("message", "连续登录失败次数过多，账号已锁定，请于" + HOUR_MINUTE.format(locked.until())
                            + "（北京时间）后再试")
                    .put("messageEn", "too many failed sign-ins: locked until " + locked.until())
                    .put("lockedUntil", locked.until().toString()).put("requestId", requestId));
        } else if (result instanceof SignInUseCase.Throttled throttled) {
            long seconds = retryAfter(ctx, throttled.retryAfter());
            String whose = throttled.limit() == SignInUseCase.Limit.ADDRESS ? "from this address" : "for this username";
            Replies.json(ctx, 429, new JsonObject().put("code", "TOO_MANY_ATTEMPTS")
                    .put("message", "登录尝试过于频繁，请" + seconds + "秒后再试")
                    .put("messageEn", "too many sign-in attempts " + whose + "; try again in " + seconds + " s")
                    .put("requestId", requestId));
        } else if (result instanceof SignInUseCase.Dormant) {
            // told only after a correct password: it says nothing about which usernames exist
            Replies.json(ctx, 403, new JsonObject().put("code", "ACCOUNT_DORMANT")
                    .put("message", "账号因长期未使用已停用，请联系管理员")
                    .put("messageEn", "the account was disabled after a long time unused; ask an administrator")
                    .put("requestId", requestId));
        } else if (basic) {
            BasicAuthenticator.challenge(ctx, "用户名或密码不正确，或账号已停用",
                    "wrong username or password, or account disabled");
        } else {
            Replies.json(ctx, 401, new JsonObject().put("code", "LOGIN_FAILED")
                    .put("message", "用户名或密码不正确").put("messageEn", "wrong username or password")
                    .put("requestId", requestId));
        }
    }

    private static long retryAfter(RoutingContext ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.response().putHeader("Retry-After", String.valueOf(seconds));
        return seconds;
    }
}
