package cn.egov.projects.web.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers, always {@code application/json; charset=utf-8}. */
public final class Replies {

    public static final String JSON = "application/json; charset=utf-8";

    private Replies() {
    }

    public static Future<Void> json(RoutingContext ctx, int status, JsonObject body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
    }
}
