package cn.egov.projects.web;

import cn.egov.projects.web.http.InvalidRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The API served over HTTP on its own Vert.x instance; started and stopped from a plain thread. A connection on which
 * nothing is received or sent for {@link #IDLE_TIMEOUT} is closed: a client that stops sending in the middle of a
 * request (a body shorter than announced, a multipart upload without its closing boundary) holds its connection no
 * longer than that, nor does an idle keep-alive connection. A request that is no HTTP/1.x at all is refused with a
 * small JSON answer ({@link InvalidRequests}).
 */
public final class WebServer implements AutoCloseable {

    /** The longest header of a multipart part that is decoded. */
    public static final int MAX_PART_HEADER = 64 * 1024;

    /** How long a connection may stay silent both ways before it is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final HttpServer server;

    private WebServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts serving on all interfaces and returns once the port listens.
     *
     * @param port the TCP port, or 0 for any free one
     * @throws WebServerException when the server cannot listen (e.g. the port is in use)
     */
    public static WebServer start(WebApi api, int port) {
        return start(api, port, IDLE_TIMEOUT);
    }

    /**
     * Starts serving with another idle timeout (tests).
     *
     * @param idleTimeout how long a silent connection is kept; at least a millisecond
     */
    public static WebServer start(WebApi api, int port, Duration idleTimeout) {
        return start(api, port, idleTimeout, Vertx.vertx());
    }

    /**
     * Starts serving on a Vert.x started earlier ({@link #vertxInBackground}), which the server then owns and
     * closes.
     */
    public static WebServer start(WebApi api, int port, CompletableFuture<Vertx> vertx) {
        Vertx started;
        try {
            started = vertx.join();
        } catch (CompletionException e) {
            throw new WebServerException("Vert.x did not start: " + e.getCause().getMessage(), false, e.getCause());
        }
        return start(api, port, IDLE_TIMEOUT, started);
    }

    /**
     * Starts Vert.x, and loads the classes of its HTTP server and router, on a thread of its own: started this way
     * while the database opens, the two overlap on a machine with more than one core, and the application answers
     * sooner after a start. Whoever calls this passes the result to {@link #start(WebApi, int, CompletableFuture)}
     * or closes it.
     */
    public static CompletableFuture<Vertx> vertxInBackground() {
        CompletableFuture<Vertx> result = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Vertx vertx = Vertx.vertx();
                // what the first request would otherwise load
                Router.router(vertx);
                vertx.createHttpServer(options(IDLE_TIMEOUT));
                result.complete(vertx);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "vertx-start");
        starter.setDaemon(true);
        starter.start();
        return result;
    }

    private static WebServer start(WebApi api, int port, Duration idleTimeout, Vertx vertx) {
        try {
            HttpServerOptions options = options(idleTimeout).setPort(port).setHost("0.0.0.0");
            HttpServer server = vertx.createHttpServer(options).requestHandler(api.router(vertx))
                    .invalidRequestHandler(InvalidRequests::answer)
                    .connectionHandler(InvalidRequests::markUnknownVersions);
            await(server.listen());
            LOG.info("HTTP server listening on port {}", server.actualPort());
            return new WebServer(vertx, server);
        } catch (RuntimeException e) {
            try {
                await(vertx.close());
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The server's options: the idle timeout, and a multipart part's header (e.g. a file name) or form field of up
     * to {@value #MAX_PART_HEADER} bytes decoded, so that an over-long file name or kind is refused by name (400
     * naming {@code fileName} or {@code kind}), while a longer one is refused as malformed (400).
     */
    public static HttpServerOptions options(Duration idleTimeout) {
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the idle timeout must be at least 1 ms");
        }
        return new HttpServerOptions()
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxFormBufferedBytes(MAX_PART_HEADER)
                .setMaxFormAttributeSize(MAX_PART_HEADER)
                // HTTP/1.1 only (no cleartext HTTP/2 upgrade): a connection's pipeline is complete before it reads
                .setHttp2ClearTextEnabled(false);
    }

    public int port() {
        return server.actualPort();
    }

    /** Stops accepting requests, lets those in flight finish (for up to 10 s), then stops Vert.x. */
    @Override
    public void close() {
        try {
            await(server.shutdown(10, TimeUnit.SECONDS));
        } finally {
            await(vertx.close());
        }
        LOG.info("HTTP server stopped");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebServerException("interrupted while waiting for the HTTP server", false, e);
        } catch (TimeoutException e) {
            throw new WebServerException("the HTTP server did not answer within " + TIMEOUT_SECONDS + " s", false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean inUse = isBindFailure(cause);
            throw new WebServerException(inUse ? "port already in use" : String.valueOf(cause.getMessage()), inUse,
                    cause);
        }
    }

    /** Whether the failure is "Address already in use" (not, say, a privileged port refused). */
    private static boolean isBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // java.net.BindException (NIO) or Netty's native-transport exception, both "Address already in use"
            if (String.valueOf(c.getMessage()).contains("already in use")) {
                return true;
            }
        }
        return false;
    }
}
