package cn.egov.projects.web.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Gives every request an id: a sane incoming {@code X-Request-Id} is kept, anything else replaced by a random UUID.
 * The id is echoed in the response header, carried in the slf4j MDC of the request's log lines, and closes the
 * request with one access-log line (method, path without query, status, duration, the client's address as
 * {@link ClientOrigin} established it and, when a trusted proxy forwarded the request, the proxy's).
 */
public final class RequestIds implements PlatformHandler {

    public static final String HEADER = "X-Request-Id";

    private static final Logger ACCESS = LoggerFactory.getLogger("cn.egov.projects.web.access");
    private static final String KEY = "egov.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public void handle(RoutingContext ctx) {
        String incoming = ctx.request().getHeader(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        long started = System.nanoTime();
        ctx.addBodyEndHandler(v -> Mdc.run(id, () -> accessLog(ctx, started)));
        ctx.next();
    }

    /** The id of the request being handled, or "-" before one was given. */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "-" : id;
    }

    private static void accessLog(RoutingContext ctx, long started) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String path = ctx.request().path();
        int status = ctx.response().getStatusCode();
        ClientOrigin.Origin origin = ClientOrigin.of(ctx);
        String client = origin.forwarded() ? origin.address() + " via " + origin.peer() : origin.address();
        if ("/health".equals(path) && status == 200) {
            ACCESS.debug("{} {} {} {}ms {}", ctx.request().method(), path, status, millis, client);
        } else {
            ACCESS.info("{} {} {} {}ms {}", ctx.request().method(), path, status, millis, client);
        }
    }
}
