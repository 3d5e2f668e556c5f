package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ClearanceUseCase;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Clearances (涉密资格): {@code GET /api/clearances} lists the people who may be named into classified scopes and
 * whether they are cleared (the security administrator and the security auditor); {@code PUT
 * /api/clearances/:userId} grants and {@code DELETE /api/clearances/:userId} revokes one (the security administrator
 * only; a revocation also takes the person out of every classified project's scope). Audited.
 */
public final class ClearanceRoutes {

    private static final int MAX_USER_ID = 100;

    private final ClearanceUseCase clearances;

    public ClearanceRoutes(ClearanceUseCase clearances) {
        this.clearances = clearances;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/api/clearances", Rule.roles(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
                this::list);
        table.add(router, HttpMethod.PUT, "/api/clearances/:userId", Rule.roles(Role.SECURITY_ADMIN), this::grant);
        table.add(router, HttpMethod.DELETE, "/api/clearances/:userId", Rule.roles(Role.SECURITY_ADMIN),
                this::revoke);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> clearances.list(caller)).onSuccess(people -> {
            JsonArray items = new JsonArray();
            people.forEach(p -> items.add(json(p)));
            Replies.json(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void grant(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String userId = userId(ctx);
        Blocking.call(ctx, () -> clearances.grant(caller, userId))
                .onSuccess(c -> Replies.json(ctx, 200, changed(c))).onFailure(ctx::fail);
    }

    private void revoke(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String userId = userId(ctx);
        Blocking.call(ctx, () -> clearances.revoke(caller, userId))
                .onSuccess(c -> Replies.json(ctx, 200, changed(c))).onFailure(ctx::fail);
    }

    private static String userId(RoutingContext ctx) {
        String userId = ctx.pathParam("userId");
        if (userId == null || userId.isEmpty() || userId.length() > MAX_USER_ID) {
            throw new BadRequestException("userId", "账号标识不正确", "the user id must have 1 to 100 characters");
        }
        return userId;
    }

    private static JsonObject changed(ClearanceUseCase.Changed c) {
        return json(c.person()).put("scopesLeft", c.scopesLeft());
    }

    private static JsonObject json(ClearanceUseCase.Person p) {
        return new JsonObject().put("userId", p.userId()).put("username", p.username())
                .put("displayName", p.displayName()).put("role", p.role().name()).put("roleZh", p.role().zh())
                .put("unit", p.unit().code()).put("enabled", p.enabled()).put("cleared", p.cleared())
                .put("grantedAt", p.grantedAt() == null ? null : p.grantedAt().toString())
                .put("grantedBy", p.grantedBy());
    }
}
