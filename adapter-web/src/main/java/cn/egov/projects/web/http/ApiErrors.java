package cn.egov.projects.web.http;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.error.ContentMismatchException;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.PayloadTooLargeException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.domain.rule.Violation;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one failure handler: maps what went wrong to a JSON answer with the request id. Malformed input → 400,
 * a refusal of the measures → 422 citing its articles, an action outside one's role → 403, an object outside
 * one's scope → 404, a concurrent change → 409, a body too large → 413, an upload whose content is not what its
 * name says → 415; anything unexpected → 500 with the stack trace in the log only. A failure after the client went
 * away is logged, not answered. Rule messages may carry project content (Art. 27), so the log records codes, not
 * messages.
 */
public final class ApiErrors implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /**
     * Told of every 403 answered to a signed-in person, before the answer goes out (the security audit trail records
     * it); the answer waits for the future, and goes out whether it succeeds or not.
     */
    @FunctionalInterface
    public interface RefusalListener {
        io.vertx.core.Future<Void> refused(RoutingContext ctx, cn.egov.projects.domain.rule.Violation violation);

        RefusalListener NONE = (ctx, v) -> io.vertx.core.Future.succeededFuture();
    }

    private final RefusalListener refusals;

    public ApiErrors() {
        this(RefusalListener.NONE);
    }

    public ApiErrors(RefusalListener refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String requestId = RequestIds.of(ctx);
        Mdc.run(requestId, () -> answer(ctx, requestId, -1));
    }

    /**
     * The handler of a status the router itself arrives at (its error handler for that status): Vert.x calls it
     * without setting the status on the context when, e.g., a path's percent-encoding cannot be decoded (400).
     */
    public Handler<RoutingContext> forStatus(int status) {
        return ctx -> {
            String requestId = RequestIds.of(ctx);
            Mdc.run(requestId, () -> answer(ctx, requestId, status));
        };
    }

    private void answer(RoutingContext ctx, String requestId, int routerStatus) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended()) {
            LOG.warn("failure after the answer was sent", failure);
            return;
        }
        if (ctx.response().closed()) {
            LOG.info("the client went away before the answer ({} {}): {}", ctx.request().method(),
                    ctx.request().path(), failure == null ? ctx.statusCode() : failure.toString());
            return;
        }
        if (ctx.response().headWritten()) {
            LOG.error("failure while the answer was being sent; resetting the connection", failure);
            ctx.response().reset();
            return;
        }
        int status = ctx.statusCode() < 0 ? routerStatus : ctx.statusCode();
        if (status == 200 && failure != null) {
            // the body handler reports a request it could not read (e.g. a malformed chunk) with status 200
            status = 400;
        }
        if (failure instanceof HttpException http) {
            status = http.getStatusCode();
            failure = null;
        }
        if (failure == null) {
            answerStatus(ctx, status, requestId);
            return;
        }
        if (failure instanceof cn.egov.projects.application.error.PasswordRejectedException e) {
            // the password policy's refusals: a code of their own, so that a page can tell which rule
            LOG.info("password refused: {}", e.code());
            Replies.json(ctx, 400, new JsonObject().put("code", e.code()).put("field", e.field())
                    .put("message", e.messageZh()).put("messageEn", "password refused: " + e.code())
                    .put("requestId", requestId));
            return;
        }
        if (failure instanceof BadRequestException e) {
            LOG.info("bad request: field {}", e.field() == null ? "-" : e.field());
            Replies.json(ctx, 400, badRequest(e.field(), e.messageZh(), e.messageEn(), requestId));
        } else if (failure instanceof InvalidCommandException e) {
            LOG.info("invalid command: field {}", e.field());
            Replies.json(ctx, 400, badRequest(e.field(), e.messageZh(),
                    "invalid value of '" + e.field() + "'", requestId));
        } else if (failure instanceof RefusedException e) {
            LOG.info("refused by the measures: {}", codes(e.violations()));
            Replies.json(ctx, 422, violations(e.violations(), requestId));
        } else if (failure instanceof ForbiddenException e) {
            LOG.info("forbidden: {}", e.violation().code());
            refusals.refused(ctx, e.violation()).onComplete(recorded -> Replies.json(ctx, 403,
                    violations(List.of(e.violation()), requestId).put("messageEn", "this action is not open to your role")));
        } else if (failure instanceof NotFoundException e) {
            Replies.json(ctx, 404, new JsonObject().put("code", "NOT_FOUND").put("message", e.messageZh())
                    .put("messageEn", "not found, or outside your scope").put("requestId", requestId));
        } else if (failure instanceof cn.egov.projects.application.error.DocumentIntegrityException e) {
            LOG.error("download refused: {}", e.getMessage());
            // 409: the stored document is not in the state it was uploaded in; the caller did nothing wrong
            Replies.json(ctx, 409, new JsonObject().put("code", "DOCUMENT_INTEGRITY_FAILED")
                    .put("message", "文档完整性校验失败：存储的内容与上传时记录的SM3摘要不符，可能已被篡改或损坏，"
                            + "系统拒绝下载。此事件已记入安全审计，请联系系统管理员。")
                    .put("messageEn", "the stored document does not match the digest recorded at upload; the download"
                            + " is refused")
                    .put("requestId", requestId));
        } else if (failure instanceof ContentMismatchException e) {
            LOG.info("upload refused: its content is not a .{} file", e.extension());
            Replies.json(ctx, 415, new JsonObject().put("code", "DOCUMENT_CONTENT_MISMATCH").put("field", e.field())
                    .put("message", e.messageZh())
                    .put("messageEn", "the content of the file is not what a ." + e.extension()
                            + " file holds; the file name's extension and the content must agree")
                    .put("requestId", requestId));
        } else if (failure instanceof PayloadTooLargeException e) {
            Replies.json(ctx, 413, plain("PAYLOAD_TOO_LARGE", e.messageZh(),
                    "the upload exceeds the limit of " + e.limitBytes() + " bytes", requestId));
        } else if (failure instanceof ConcurrentChangeException e) {
            LOG.info("concurrent change: {}", e.getMessage());
            Replies.json(ctx, 409, new JsonObject().put("code", "CONFLICT").put("message", e.messageZh())
                    .put("messageEn", "the project was changed since you read it; reload and try again")
                    .put("requestId", requestId));
        } else if (status >= 400 && status < 500) {
            // a handler of the framework refused the request (e.g. a malformed multipart body: 400) and said why
            String why = failure.toString();
            LOG.info("{} {} refused with {}: {}", ctx.request().method(), ctx.request().path(), status,
                    why.length() <= 200 ? why : why.substring(0, 200) + "…");
            answerStatus(ctx, status, requestId);
        } else {
            LOG.error("unexpected failure of {} {}", ctx.request().method(), ctx.request().path(), failure);
            internal(ctx, requestId);
        }
    }

    private static void answerStatus(RoutingContext ctx, int status, String requestId) {
        switch (status) {
            case 400 -> Replies.json(ctx, 400, isUpload(ctx)
                    ? badRequest("file", "上传的内容不是有效的multipart/form-data，或文件名等某一部分的头过长",
                    "the upload is not a well-formed multipart/form-data body, or a part's header is too long",
                    requestId)
                    : badRequest(null, "请求格式不正确", "malformed request", requestId));
            case 404 -> Replies.json(ctx, 404, plain("NOT_FOUND", "请求的地址不存在", "no such resource", requestId));
            case 405 -> Replies.json(ctx, 405, plain("METHOD_NOT_ALLOWED", "该地址不支持此请求方法",
                    "method not allowed on this resource", requestId));
            case 413 -> Replies.json(ctx, 413, plain("PAYLOAD_TOO_LARGE", "请求内容超过大小上限",
                    "the request body exceeds the size limit", requestId));
            case 415 -> Replies.json(ctx, 415, plain("UNSUPPORTED_MEDIA_TYPE", "请求内容须为JSON",
                    "the request body must be application/json", requestId));
            default -> {
                if (status >= 400 && status < 500) {
                    Replies.json(ctx, status, plain("HTTP_" + status, "请求无法处理", "request not processed",
                            requestId));
                } else {
                    LOG.error("failure of {} {} with status {}", ctx.request().method(), ctx.request().path(), status);
                    internal(ctx, requestId);
                }
            }
        }
    }

    private static boolean isUpload(RoutingContext ctx) {
        return ctx.request().isExpectMultipart();
    }

    private static void internal(RoutingContext ctx, String requestId) {
        Replies.json(ctx, 500, new JsonObject().put("code", "INTERNAL")
                .put("message", "系统内部错误，请联系管理员并提供请求编号 " + requestId)
                .put("requestId", requestId));
    }

    private static JsonObject badRequest(String field, String zh, String en, String requestId) {
        JsonObject body = new JsonObject().put("code", "BAD_REQUEST");
        if (field != null) {
            body.put("field", field);
        }
        return body.put("message", zh).put("messageEn", en).put("requestId", requestId);
    }

    private static JsonObject plain(String code, String zh, String en, String requestId) {
        return new JsonObject().put("code", code).put("message", zh).put("messageEn", en).put("requestId", requestId);
    }

    /** The first violation on top (code, article, message), all of them in {@code violations}. */
    static JsonObject violations(List<Violation> violations, String requestId) {
        Violation first = violations.get(0);
        JsonArray all = new JsonArray();
        violations.forEach(v -> all.add(violation(v)));
        return new JsonObject().put("code", first.code().name()).put("article", first.article())
                .put("message", first.messageZh()).put("violations", all).put("requestId", requestId);
    }

    public static JsonObject violation(Violation v) {
        return new JsonObject().put("code", v.code().name()).put("article", v.article()).put("message", v.messageZh());
    }

    private static String codes(List<Violation> violations) {
        return violations.stream().map(v -> v.code().name()).reduce((a, b) -> a + "," + b).orElse("");
    }
}
