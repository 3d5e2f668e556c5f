package cn.egov.projects.web.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies nobody will read. A request answered before its body was read (an upload refused before it was
 * admitted) is answered with {@code Connection: close}; the rest of its body is read and dropped — at most
 * {@value #DRAIN_LIMIT} bytes, so that the client reads the answer instead of meeting a reset — and the connection
 * is then closed. As a handler, refuses a GET, HEAD or OPTIONS request that carries a body (400): no route reads one,
 * and a body left unread would hold its connection.
 */
public final class UnreadBodies implements Handler<RoutingContext> {

    /** How much of a body answered early is read and dropped before its connection is closed instead. */
    public static final long DRAIN_LIMIT = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UnreadBodies.class);
    private static final String CLOSING = "egov.closing";

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        boolean bodiless = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (!bodiless || request.isEnded() || !hasBody(request)) {
            ctx.next();
            return;
        }
        request.pause();
        closeAfterAnswer(ctx);
        Replies.json(ctx, 400, new JsonObject().put("code", "BAD_REQUEST")
                .put("message", method.name() + "请求不能带请求内容").put("messageEn", "a " + method.name()
                        + " request must not carry a body").put("requestId", RequestIds.of(ctx)));
    }

    /** Whether the request announces a body (a Content-Length above 0, or a Transfer-Encoding). */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }

    /**
     * Answers with {@code Connection: close} and closes the connection once the answer is written: at once when the
     * request's body was read, else after reading and dropping the rest of it (at most {@link #DRAIN_LIMIT}).
     * Whoever calls this holds the request paused (nothing of it is read before).
     */
    public static void closeAfterAnswer(RoutingContext ctx) {
        if (ctx.get(CLOSING) != null) {
            return;
        }
        ctx.put(CLOSING, Boolean.TRUE);
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        HttpServerRequest request = ctx.request();
        ctx.addBodyEndHandler(v -> {
            HttpConnection connection = request.connection();
            if (connection == null) {
                return;
            }
            if (request.isEnded()) {
                connection.close();
            } else {
                drain(request, connection);
            }
        });
    }

    /** Whether the connection is closed once the answer is written. */
    public static boolean closing(RoutingContext ctx) {
        return ctx.get(CLOSING) != null;
    }

    private static void drain(HttpServerRequest request, HttpConnection connection) {
        AtomicLong dropped = new AtomicLong();
        request.exceptionHandler(e -> LOG.debug("unread body dropped: {}", e.toString()));
        request.endHandler(v -> {
            LOG.debug("unread body dropped: {} bytes", dropped.get());
            connection.close();
        });
        request.handler(buffer -> {
            if (dropped.addAndGet(buffer.length()) > DRAIN_LIMIT) {
                LOG.info("closing a connection whose unread body goes on beyond {} bytes", DRAIN_LIMIT);
                connection.close();
            }
        });
        request.resume();
    }
}
