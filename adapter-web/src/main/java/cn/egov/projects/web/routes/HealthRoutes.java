package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.out.ClockPort;
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

import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: 200 UP when the application can serve (its database answers), 503 DOWN otherwise; either way
 * with {@code clockSet}, whether the application's clock is a simulated one ({@code EGOV_CLOCK}), and then with
 * {@code clock}, its time now ({@code 2025-03-04T09:00:12+08:00}): the pages show a banner from it.
 * {@code GET /ready}, for a load balancer's checks: 200 READY when the database answers and the instance is not
 * shutting down; 503 DRAINING from the start of a graceful shutdown (requests already here are still finished), 503
 * DOWN when the database does not answer.
 */
public final class HealthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    /** ISO 8601 with the offset, always with seconds. */
    private static final DateTimeFormatter CLOCK_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final BooleanSupplier ready;
    private final BooleanSupplier draining;
    private final ClockPort clock;

    /** With the real time. */
    public HealthRoutes(BooleanSupplier ready) {
        this(ready, () -> false, null);
    }

    /**
     * @param draining whether the instance is shutting down
     * @param clock    the application's clock; null: the real time (not simulated)
     */
    public HealthRoutes(BooleanSupplier ready, BooleanSupplier draining, ClockPort clock) {
        this.ready = ready;
        this.draining = draining;
        this.clock = clock;
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
            Replies.json(ctx, up ? 200 : 503, clock(new JsonObject().put("status", up ? "UP" : "DOWN")));
        });
    }

    /** Adds whether the clock is simulated and, when it is, its time now to the second. */
    private JsonObject clock(JsonObject health) {
        boolean simulated = clock != null && clock.simulated();
        health.put("clockSet", simulated);
        if (simulated) {
            health.put("clock", CLOCK_TEXT.format(clock.now().atZone(ClockPort.ZONE)));
        }
        return health;
    }
}
