package cn.egov.projects.web.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.function.BiFunction;

/** JSON answers, always {@code application/json; charset=utf-8}. */
public final class Replies {

    public static final String JSON = "application/json; charset=utf-8";

    /**
     * Where a handler that must learn the answer before it is sent (the idempotency keys) leaves its hook: it gets the
     * status and the encoded body, and the answer goes out once the future it returns completes.
     */
    public static final String BEFORE_REPLY = "egov.beforeReply";

    private Replies() {
    }

    public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
        return raw(ctx, status, body.encode());
    }

    /** An answer whose JSON text is already encoded. */
    public static Future<Void> raw(RoutingContext ctx, int status, String encodedJson) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        HttpMethod method = ctx.request().method();
        if (status < 400 && method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            ShortCache.changed();
        }
        BiFunction<Integer, String, Future<Void>> hook = ctx.get(BEFORE_REPLY);
        if (hook != null) {
            ctx.remove(BEFORE_REPLY);
            return hook.apply(status, encodedJson).transform(done -> send(response, status, encodedJson));
        }
        return send(response, status, encodedJson);
    }

    private static Future<Void> send(HttpServerResponse response, int status, String encodedJson) {
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }

        return response.setStatusCode(status).putHeader("Content-Type", JSON).end(encodedJson);
    }
}
