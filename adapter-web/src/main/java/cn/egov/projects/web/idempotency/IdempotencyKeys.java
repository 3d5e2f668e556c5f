package cn.egov.projects.web.idempotency;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.IdempotencyUseCase;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * For a state-changing request of a signed-in caller with an {@value #HEADER} header: claims the key (shared store,
 * so across instances), lets the request run once and keeps its answer; a retry with the same key and request gets
 * that answer again with {@code Idempotent-Replayed: true}, while the first still runs 409, and a key reused for
 * another request 400. A request that failed with 5xx gives its key up, so that a retry can act.
 */
public final class IdempotencyKeys implements Handler<RoutingContext> {

    public static final String HEADER = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotencyUseCase keys;

    public IdempotencyKeys(IdempotencyUseCase keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String key = ctx.request().getHeader(HEADER);
        if (key == null || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || Callers.actor(ctx).isEmpty()) {
            ctx.next();
            return;
        }
        Caller caller = Callers.of(ctx);
        String fingerprint = method.name() + " " + ctx.request().path() + " " + digest(ctx);
        Blocking.call(ctx, () -> keys.claim(caller, key.trim(), fingerprint)).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            IdempotencyUseCase.Claim claim = result.result();
            if (claim instanceof IdempotencyUseCase.Fresh) {
                BiFunction<Integer, String, Future<Void>> hook = (status, body) -> Blocking.call(ctx, () -> {
                    if (status >= 500) {
                        keys.release(caller, key.trim());
                    } else {
                        keys.complete(caller, key.trim(), status, body);
                    }
                    return null;
                }).<Void>mapEmpty().otherwise(e -> {
                    LOG.warn("could not keep the answer of an idempotent request", e);
                    return null;
                });
                ctx.put(Replies.BEFORE_REPLY, hook);
                ctx.next();
            } else if (claim instanceof IdempotencyUseCase.Replay replay) {
                ctx.response().putHeader("Idempotent-Replayed", "true");
                Replies.raw(ctx, replay.status(), replay.body());
            } else if (claim instanceof IdempotencyUseCase.InProgress) {
                Replies.json(ctx, 409, new JsonObject().put("code", "IDEMPOTENCY_IN_PROGRESS")
                        .put("message", "相同的请求正在处理中，请稍后再试")
                        .put("messageEn", "a request with this Idempotency-Key is still being handled")
                        .put("requestId", RequestIds.of(ctx)));
            } else {
                Replies.json(ctx, 400, new JsonObject().put("code", "BAD_REQUEST").put("field", HEADER)
                        .put("message", "该Idempotency-Key已用于另一请求")
                        .put("messageEn", "this Idempotency-Key was used for a different request")
                        .put("requestId", RequestIds.of(ctx)));
            }
        });
    }

    private static String digest(RoutingContext ctx) {
        RequestBody body = ctx.body();
        byte[] bytes;
        if (body != null && body.available() && body.buffer() != null) {
            bytes = body.buffer().getBytes();
        } else {
            bytes = String.valueOf(ctx.request().getHeader("Content-Length")).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
