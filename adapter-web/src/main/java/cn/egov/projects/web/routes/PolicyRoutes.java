package cn.egov.projects.web.routes;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.PolicyJson;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /api/policy}, public and read-only: the policy pack in force today (the application's clock), as the
 * pages cite it — its title, each provision's article ("第七条"), each rule's article, each calculated period's
 * article and length, the supervision threshold and the stages of acceptance. The pages write no article number
 * of their own: they take every one from here (or, on a project's page, from the project's own pack), so that under
 * another city's pack they cite that pack's numbering. The measures are a published document: no sign-in needed.
 */
public final class PolicyRoutes {

    private final Supplier<PolicyPack> packInForce;

    /** @param packInForce the pack in force at the moment of the request */
    public PolicyRoutes(Supplier<PolicyPack> packInForce) {
        this.packInForce = Objects.requireNonNull(packInForce, "packInForce");
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/api/policy", Rule.open(), this::policy);
    }

    private void policy(RoutingContext ctx) {
        Replies.json(ctx, 200, PolicyJson.of(packInForce.get()));
    }
}
