package cn.egov.projects.web.routes;

import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import io.vertx.core.json.JsonObject;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BooleanSupplier;

/** {@code GET /health}: 200 UP when the application is ready (its database answers), 503 DOWN otherwise. */
public final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final BooleanSupplier ready;

    public HealthRoutes(BooleanSupplier ready) {
        this.ready = ready;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/health", Rule.open(), this::health);
    }

    private void health(RoutingContext ctx) {
        Blocking.call(ctx, ready::getAsBoolean).onComplete(result -> {
            if (result.failed()) {
                LOG.warn("readiness check failed", result.cause());
            }
            boolean up = result.succeeded() && Boolean.TRUE.equals(result.result());
            Replies.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN"));
        });
    }
}
