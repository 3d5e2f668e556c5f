package cn.egov.projects.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The API served over HTTP on its own Vert.x instance; started and stopped from a plain thread. */
public final class WebServer implements AutoCloseable {

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
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("0.0.0.0"))
                    .requestHandler(api.router(vertx));
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
