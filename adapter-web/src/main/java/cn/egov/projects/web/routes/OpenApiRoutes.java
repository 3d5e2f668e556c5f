package cn.egov.projects.web.routes;

import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the hand-written OpenAPI 3 document of the API (resource {@code /openapi.json}). */
public final class OpenApiRoutes {

    public static final String RESOURCE = "/openapi.json";

    private final Buffer document;

    public OpenApiRoutes() {
        this.document = Buffer.buffer(load());
    }

    /** The document's bytes from the classpath. */
    public static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/openapi.json", Rule.open(), this::serve);
    }

    private void serve(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(document);
    }
}
