package cn.egov.projects.web.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that are not HTTP/1.x at all, answered before any route: a request line or header too long (414, 431) or
 * anything else the decoder refuses (400), each with a small JSON body, after which the connection is closed. A
 * request of an HTTP version other than 1.0 and 1.1 (say {@code HTTP/9.9}) is refused the same way (400): Vert.x
 * would answer it 501 before the application sees it, so a small handler in the connection's pipeline marks such a
 * request as malformed.
 */
public final class InvalidRequests {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);
    private static final String NAME = "egovHttpVersions";

    private InvalidRequests() {
    }

    /** The server's handler of requests the decoder refused. */
    public static void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String zh;
        String en;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            zh = "请求地址过长";
            en = "the request line is too long";
        } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            status = 431;
            zh = "请求头过大";
            en = "the request's headers are too large";
        } else {
            status = 400;
            zh = "请求格式不正确（不是有效的HTTP/1.1请求）";
            en = "not a valid HTTP/1.1 request";
        }
        LOG.info("invalid HTTP request refused with {}: {}", status, cause == null ? "-" : cause.toString());
        request.response().setStatusCode(status).putHeader("Content-Type", Replies.JSON)
                .putHeader("Connection", "close")
                .end(new JsonObject().put("code", status == 400 ? "BAD_REQUEST" : "HTTP_" + status)
                        .put("message", zh).put("messageEn", en).encode());
        HttpConnection connection = request.connection();
        if (connection != null) {
            connection.close();
        }
    }

    /**
     * Marks requests of an unknown HTTP version as malformed on a new connection, so that {@link #answer} refuses
     * them (400) instead of Vert.x (501). Does nothing when the connection's pipeline cannot be reached. The server
     * must not offer cleartext HTTP/2 upgrades: with them, a connection's handler (and this) is set up only after its
     * first request was decoded.
     */
    public static void markUnknownVersions(HttpConnection connection) {
        ChannelPipeline pipeline;
        try {
            pipeline = ((io.vertx.core.net.impl.ConnectionBase) connection).channel().pipeline();
        } catch (ClassCastException e) {
            return;
        }
        if (pipeline.get("httpDecoder") != null && pipeline.get(NAME) == null) {
            pipeline.addAfter("httpDecoder", NAME, VERSIONS);
        }
    }

    private static final ChannelHandler VERSIONS = new Versions();

    /** Turns a request of an HTTP version other than 1.0 and 1.1 into a malformed HTTP/1.1 request. */
    @ChannelHandler.Sharable
    private static final class Versions extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()
                    && request.protocolVersion() != HttpVersion.HTTP_1_1
                    && request.protocolVersion() != HttpVersion.HTTP_1_0) {
                String version = request.protocolVersion().text();
                request.setProtocolVersion(HttpVersion.HTTP_1_1);
                request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
                        "unsupported HTTP version " + (version.length() <= 20 ? version : version.substring(0, 20)))));
            }
            ctx.fireChannelRead(msg);
        }
    }
}
