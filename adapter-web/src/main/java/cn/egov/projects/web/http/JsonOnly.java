package cn.egov.projects.web.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

import java.util.Locale;

/**
 * Accepts a request body only as {@code application/json}. Besides saying what the API reads, this keeps a browser
 * on another site from posting a form or plain text with the credentials it holds (cross-site request forgery):
 * such requests cannot carry a JSON content type without the site's consent.
 */
public final class JsonOnly implements SecurityPolicyHandler {

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        boolean hasBody = ctx.request().getHeader("Transfer-Encoding") != null
                || !(ctx.request().getHeader("Content-Length") == null
                || "0".equals(ctx.request().getHeader("Content-Length").trim()));
        if (type == null ? hasBody : !isJson(type)) {
            Replies.json(ctx, 415, new JsonObject()
                    .put("code", "UNSUPPORTED_MEDIA_TYPE")
                    .put("message", "请求内容须为JSON（Content-Type: application/json）")
                    .put("messageEn", "the request body must be sent as application/json")
                    .put("requestId", RequestIds.of(ctx)));
            return;
        }
        ctx.next();
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }
}
