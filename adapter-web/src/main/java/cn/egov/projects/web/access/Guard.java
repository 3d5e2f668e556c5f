package cn.egov.projects.web.access;

import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.RuleCode;
import cn.egov.projects.domain.rule.Violation;
import cn.egov.projects.web.http.ApiErrors;
import cn.egov.projects.web.auth.BasicAuthenticator;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.Sessions;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies the {@link RouteTable}'s rule to each request, after the caller is known: a request matching no registered
 * route is answered 404 (denied by default); a route for signed-in people answers 401 to nobody; a role rule answers
 * 403 to other roles; and a state-changing request of a browser session must carry the session's CSRF token (403).
 */
public final class Guard implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private static final String GUARDED = "egov.guarded";

    private final RouteTable table;
    private final ApiErrors.RefusalListener refusals;
    private final java.util.function.Supplier<PolicyPack> packInForce;

    /**
     * @param refusals told of each role refused here, before the 403 goes out (the security audit trail)
     * @param pack     the pack in force: a refusal cites its article on the authorities' duties (Taicang's 第四条)
     */
    public Guard(RouteTable table, ApiErrors.RefusalListener refusals, PolicyPack pack) {
        this(table, refusals, () -> pack);
        java.util.Objects.requireNonNull(pack, "pack");
    }

    /**
     * @param packInForce the pack in force at the moment of each request (the application's clock's day): a refusal
     *                    cites its article on the authorities' duties
     */
    public Guard(RouteTable table, ApiErrors.RefusalListener refusals,
                 java.util.function.Supplier<PolicyPack> packInForce) {
        this.table = table;
        this.refusals = refusals;
        this.packInForce = java.util.Objects.requireNonNull(packInForce, "packInForce");
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.get(GUARDED) != null) {
            ctx.next();
            return;
        }
        ctx.put(GUARDED, Boolean.TRUE);
        HttpMethod method = ctx.request().method();
        Optional<Rule> rule = table.ruleFor(method, ctx.request().path());
        if (rule.isEmpty() && table.knowsPath(ctx.request().path())) {
            Replies.json(ctx, 405, new JsonObject().put("code", "METHOD_NOT_ALLOWED").put("message", "该地址不支持此请求方法")
                    .put("messageEn", "method not allowed on this resource").put("requestId", RequestIds.of(ctx)));
            return;
        }
        if (rule.isEmpty()) {
            Replies.json(ctx, 404, new JsonObject().put("code", "NOT_FOUND").put("message", "请求的地址不存在")
                    .put("messageEn", "no such resource").put("requestId", RequestIds.of(ctx)));
            return;
        }
        if (rule.get().kind() == Rule.Kind.PUBLIC) {
            ctx.next();
            return;
        }
        Optional<Actor> actor = Callers.actor(ctx);
        if (actor.isEmpty()) {
            BasicAuthenticator.challenge(ctx, "请先登录", "authentication required");
            return;
        }
        Role role = actor.get().role();
        if (!rule.get().admits(role)) {
            LOG.info("role {} refused on {} {}", role, method, ctx.request().path());
            String by = rule.get().roles().stream().map(Role::zh).sorted().collect(Collectors.joining("、"));
            Violation refusal = packInForce.get().refusal(RuleCode.ART4_ROLE, rule.get().purposeZh() == null
                    ? "该功能由" + by + "使用，您的角色（" + role.zh() + "）无权使用"
                    : "「" + rule.get().purposeZh() + "」由" + by + "办理");
            refusals.refused(ctx, refusal).onComplete(recorded ->
                    Replies.json(ctx, 403, new JsonObject().put("code", "ART4_ROLE").put("article", refusal.article())
                            .put("message", refusal.messageZh()).put("messageEn", "this function is not open to your role")
                            .put("requestId", RequestIds.of(ctx))));
            return;
        }
        boolean changes = !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
        if (changes && Sessions.viaSession(ctx) && !Sessions.csrfMatches(ctx)) {
            LOG.warn("CSRF token missing or wrong on {} {}", method, ctx.request().path());
            Replies.json(ctx, 403, new JsonObject().put("code", "CSRF_TOKEN_INVALID")
                    .put("message", "页面已过期或请求来源不可信，请刷新页面后重试")
                    .put("messageEn", "missing or wrong " + Sessions.CSRF_HEADER + " header")
                    .put("requestId", RequestIds.of(ctx)));
            return;
        }
        ctx.next();
    }
}
