package cn.egov.projects.web.idempotency;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.IdempotencyUseCase;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * For a state-changing request of a signed-in caller with an {@value #HEADER} header: claims the key (shared store,
 * so across instances), lets the request run once and keeps its answer; a retry with the same key and the same
 * request gets that answer again with {@code Idempotent-Replayed: true}, while the first still runs 409, and a key
 * reused for a different request — another method or address, or other content — 422
 * {@code IDEMPOTENCY_KEY_REUSED} saying which (as Stripe does). A request is identified by its method, its path and a
 * SHA-256 digest of its body; for an upload, of its parts (the form's fields and each file's name and content). The
 * digest is computed on a worker thread. A request that failed with 5xx gives its key up, so that a retry can act.
 */
public final class IdempotencyKeys implements Handler<RoutingContext> {

    public static final String HEADER = "Idempotency-Key";

    /** Paths up to this length are kept as written in a fingerprint; longer ones by their digest. */
    static final int PATH_KEPT = 120;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotencyUseCase keys;

    public IdempotencyKeys(IdempotencyUseCase keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String header = ctx.request().getHeader(HEADER);
        if (header == null || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || Callers.actor(ctx).isEmpty()) {
            ctx.next();
            return;
        }
        Caller caller = Callers.of(ctx);
        String key = header.trim();
        String path = ctx.request().path();
        Blocking.call(ctx, () -> keys.claim(caller, key, fingerprint(method, path, bodyDigest(ctx))))
                .onComplete(result -> {
                    if (result.failed()) {
                        ctx.fail(result.cause());
                        return;
                    }
                    answer(ctx, caller, key, method, path, result.result());
                });
    }

    private void answer(RoutingContext ctx, Caller caller, String key, HttpMethod method, String path,
                        IdempotencyUseCase.Claim claim) {
        if (claim instanceof IdempotencyUseCase.Fresh) {
            BiFunction<Integer, String, Future<Void>> hook = (status, body) -> Blocking.call(ctx, () -> {
                if (status >= 500) {
                    keys.release(caller, key);
                } else {
                    keys.complete(caller, key, status, body);
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
        } else if (claim instanceof IdempotencyUseCase.Reused reused) {
            boolean sameTarget = reused.firstFingerprint().startsWith(target(method, path) + " ");
            LOG.info("Idempotency-Key reused for {}", sameTarget ? "other content" : "another request");
            Replies.json(ctx, 422, new JsonObject().put("code", "IDEMPOTENCY_KEY_REUSED").put("field", HEADER)
                    .put("message", sameTarget
                            ? "该Idempotency-Key已用于内容不同的请求：同一键只能用于完全相同的请求，新的请求请使用新的键"
                            : "该Idempotency-Key已用于另一地址或方法的请求：同一键只能用于完全相同的请求，新的请求请使用新的键")
                    .put("messageEn", sameTarget
                            ? "this Idempotency-Key was first used with a different request body; a key may only be"
                            + " reused for the very same request"
                            : "this Idempotency-Key was first used for another method or path; a key may only be"
                            + " reused for the very same request")
                    .put("requestId", RequestIds.of(ctx)));
        }
    }

    /**
     * What identifies a request: {@code METHOD path digest}, at most 194 characters (its column holds 200): a path
     * longer than {@value #PATH_KEPT} characters is written as its own digest.
     */
    static String fingerprint(HttpMethod method, String path, String bodyDigest) {
        return target(method, path) + " " + bodyDigest;
    }

    private static String target(HttpMethod method, String path) {
        return method.name() + " " + (path.length() <= PATH_KEPT ? path
                : "sha256:" + sha256(path.getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest of a JSON body, or of an upload's parts: fields by name, then each file's part, name and bytes. */
    private static String bodyDigest(RoutingContext ctx) throws IOException {
        MessageDigest digest = sha256();
        List<FileUpload> uploads = ctx.fileUploads();
        if (ctx.request().isExpectMultipart() || !uploads.isEmpty()) {
            MultiMap form = ctx.request().formAttributes();
            List<Map.Entry<String, String>> fields = new ArrayList<>(form.entries());
            fields.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, String> field : fields) {
                update(digest, "field", field.getKey(), field.getValue());
            }
            for (FileUpload upload : uploads) {
                update(digest, "file", upload.name(), upload.fileName());
                try (InputStream in = Files.newInputStream(Path.of(upload.uploadedFileName()))) {
                    byte[] chunk = new byte[64 * 1024];
                    for (int n; (n = in.read(chunk)) > 0; ) {
                        digest.update(chunk, 0, n);
                    }
                }
            }
        } else {
            RequestBody body = ctx.body();
            if (body != null && body.available() && body.buffer() != null) {
                digest.update(body.buffer().getBytes());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
