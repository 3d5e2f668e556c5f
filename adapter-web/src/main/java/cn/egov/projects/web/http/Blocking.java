package cn.egov.projects.web.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;

/**
 * Runs a blocking use case on a worker thread (never on the event loop), unordered, with the request's id in the
 * MDC of that thread.
 */
public final class Blocking {

    private Blocking() {
    }

    public static <T> Future<T> call(RoutingContext ctx, Callable<T> work) {
        String requestId = RequestIds.of(ctx);
        return ctx.vertx().executeBlocking(() -> Mdc.call(requestId, work), false);
    }
}
