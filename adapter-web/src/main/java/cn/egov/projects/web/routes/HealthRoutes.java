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

/**
 * {@code GET /health}: 200 UP when the application can serve (its database answers), 503 DOWN otherwise.
 * {@code GET /ready}, for a load balancer's checks: 200 READY when the database answers and the instance is not
 * shutting down; 503 DRAINING from the start of a graceful shutdown (requests already here are still finished), 503
 * DOWN when the database does not answer.
 */
public final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final BooleanSupplier ready;
    private final BooleanSupplier draining;

    public HealthRoutes(BooleanSupplier ready) {
        this(ready, () -> false);
    }

    /** @param draining whether the instance is shutting down */
    public HealthRoutes(BooleanSupplier ready, BooleanSupplier draining) {
        this.ready = ready;
        this.draining = draining;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/health", Rule.open(), this::health);
        table.add(router, HttpMethod.GET, "/ready", Rule.open(), this::readiness);
    }

    private void readiness(RoutingContext ctx) {
        if (draining.getAsBoolean()) {
            Replies.json(ctx, 503, new JsonObject().put("status", "DRAINING")
                    .put("message", "本实例正在停止，请求请发往其他实例"));
            return;
        }
        Blocking.call(ctx, ready::getAsBoolean).onComplete(result -> {
            if (result.failed()) {
                LOG.warn("readiness check failed", result.cause());
            }
            boolean up = result.succeeded() && Boolean.TRUE.equals(result.result());
            Replies.json(ctx, up ? 200 : 503, up ? new JsonObject().put("status", "READY")
                    : new JsonObject().put("status", "DOWN").put("message", "数据库暂时无法访问"));
        });
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
