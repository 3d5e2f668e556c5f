package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The rate limits of exports per account and per address, in front of every export route. */
final class ExportLimits {

    private ExportLimits() {
    }

    /**
     * The export, once the rate limits admit it; beyond them 429 {@code TOO_MANY_EXPORTS} with {@code Retry-After}
     * in seconds.
     */
    static Handler<RoutingContext> limited(ExportLimitUseCase limits, String what, Handler<RoutingContext> export) {
        return ctx -> {
            Caller caller = Callers.of(ctx);
            Blocking.call(ctx, () -> limits.admit(caller, what)).onSuccess(refused -> {
                if (refused.isEmpty()) {
                    try {
                        export.handle(ctx);
                    } catch (RuntimeException e) {
                        // a bad query (answered 400) met after the limit's asynchronous check
                        ctx.fail(e);
                    }
                    return;
                }
                long seconds = Math.max(1, (refused.get().retryAfter().toMillis() + 999) / 1000);
                String whose = refused.get().limit() == SignInUseCase.Limit.ADDRESS ? "来源地址" : "账号";
                ctx.response().putHeader("Retry-After", String.valueOf(seconds));
                Replies.json(ctx, 429, new JsonObject().put("code", "TOO_MANY_EXPORTS")
                        .put("message", "导出过于频繁（按" + whose + "限制），请" + seconds + "秒后再试")
                        .put("messageEn", "too many exports; try again in " + seconds + " s")
                        .put("requestId", RequestIds.of(ctx)));
            }).onFailure(ctx::fail);
        };
    }
}
