package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.Check;
import cn.egov.projects.application.port.in.DocumentUseCase;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import cn.egov.projects.web.http.UnreadBodies;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.Handler;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A project's documents: {@code POST /api/projects/:id/documents} (multipart/form-data: {@code kind} and one
 * {@code file}; 413 above the configured size, 400 for a file name or type not allowed, 415 for content that is not
 * what its extension says) → 201; {@code GET /api/projects/:id/documents}; {@code GET
 * /api/projects/:id/documents/:documentId} downloads the file as an attachment, checked against its SHA-256.
 *
 * <p>An upload is admitted before a byte of its body is read or stored: the request is held ({@link #hold}) while
 * the caller is authenticated and the route's rule applied, then {@link #admission} asks the use case whether this
 * person may attach a document to this very project (a project outside their scope is 404, as everywhere); only then
 * does the body handler read the parts to disk. An upload answered before its body was read is answered with
 * {@code Connection: close}; the rest of its body is read and dropped (at most 1 MiB, {@link UnreadBodies}), so that
 * the client reads the answer before the connection is closed.
 */
public final class DocumentRoutes {

    /** The upload route's path, which takes multipart bodies instead of JSON. */
    public static final String UPLOAD_PATH = "/api/projects/:id/documents";

    /**
     * How long the parts of an upload whose bytes have all arrived may take to be complete: a body whose multipart
     * never closes (no final boundary) is refused after this, instead of waiting for the rest forever.
     */
    static final long COMPLETION_GRACE_MILLIS = 3_000;

    private static final Logger LOG = LoggerFactory.getLogger(DocumentRoutes.class);
    private static final String HELD = "egov.uploadHeld";
    private static final String READ = "egov.uploadRead";

    private final DocumentUseCase documents;

    public DocumentRoutes(DocumentUseCase documents) {
        this.documents = documents;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, UPLOAD_PATH, Rule.of(Action.ATTACH_DOCUMENT), this::upload);
        table.add(router, HttpMethod.GET, UPLOAD_PATH, Rule.of(Action.VIEW_PROJECT), this::list);
        table.add(router, HttpMethod.GET, UPLOAD_PATH + "/:documentId", Rule.of(Action.VIEW_PROJECT),
                this::download);
    }

    /** Whether a request is an upload (a POST to {@value #UPLOAD_PATH}, whose multipart body has handlers of its own). */
    public static boolean isUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && uploadTarget(ctx.request().path()) != null;
    }

    /** The project id segment of an upload's path, or null when the path is not an upload's. */
    private static String uploadTarget(String path) {
        if (path == null || !path.startsWith("/api/projects/") || !path.endsWith("/documents")) {
            return null;
        }
        String id = path.substring("/api/projects/".length(), path.length() - "/documents".length());
        return id.isEmpty() || id.indexOf('/') >= 0 ? null : id;
    }

    /**
     * Holds an upload's body unread (the request is paused) until it is admitted. An upload answered before its body
     * was read completely (refused before it was read, or while it was being read) is answered with
     * {@code Connection: close}; the rest of its body is read and dropped (at most 1 MiB, {@link UnreadBodies}), so
     * that the client reads the answer, and the connection is closed. Must run before any asynchronous handler.
     */
    public static void hold(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded() || ctx.get(HELD) != null) {
            return;
        }
        ctx.put(HELD, Boolean.TRUE);
        request.pause();
        ctx.addHeadersEndHandler(v -> {
            if (request.isEnded() || ctx.get(READ) != null || UnreadBodies.closing(ctx)) {
                return;
            }
            if (request.isExpectMultipart()) {
                // the body handler was reading it (and it was refused midway): nothing more of it is decoded or
                // kept, and the connection is closed once the answer is written
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                ctx.addBodyEndHandler(done -> {
                    cleanUp(ctx);
                    HttpConnection connection = request.connection();
                    if (connection != null) {
                        connection.close();
                    }
                });
            } else {
                UnreadBodies.closeAfterAnswer(ctx);
            }
        });
    }

    /**
     * Cancels and deletes what the body handler stored of an upload. Cancelling an upload whose file the connection's
     * closing already closed fails inside Vert.x; the files are then deleted one by one.
     */
    private static void cleanUp(RoutingContext ctx) {
        try {
            ctx.cancelAndCleanupFileUploads();
        } catch (IllegalStateException alreadyClosed) {
            for (FileUpload upload : ctx.fileUploads()) {
                ctx.vertx().fileSystem().delete(upload.uploadedFileName())
                        .onFailure(e -> LOG.debug("could not delete an upload's file: {}", e.toString()));
            }
        }
    }

    /**
     * Reads an admitted upload's body with the body handler, watching that its parts complete: once every byte of
     * the request has arrived, its parts must be complete within {@link #COMPLETION_GRACE_MILLIS}, or the upload is
     * refused (400: a multipart body without its closing boundary, whose last part would otherwise never end). A
     * failure while reading (a malformed body: 400; the connection closed) cleans up what was stored.
     */
    public static Handler<RoutingContext> body(Handler<RoutingContext> bodyHandler) {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            long[] endedAt = {-1};
            long timer = ctx.vertx().setPeriodic(500, id -> {
                if (ctx.get(READ) != null || ctx.response().ended() || ctx.response().closed() || ctx.failed()) {
                    ctx.vertx().cancelTimer(id);
                    return;
                }
                if (!request.isEnded()) {
                    return;
                }
                long now = System.nanoTime();
                if (endedAt[0] < 0) {
                    endedAt[0] = now;
                } else if (now - endedAt[0] >= COMPLETION_GRACE_MILLIS * 1_000_000) {
                    ctx.vertx().cancelTimer(id);
                    LOG.info("upload refused: its multipart body ended without its closing boundary");
                    UnreadBodies.closeAfterAnswer(ctx);
                    ctx.fail(new BadRequestException("file", "上传的内容不完整：multipart/form-data缺少结束分隔符",
                            "the upload's multipart/form-data body ended without its closing boundary"));
                    cleanUp(ctx);
                }
            });
            ctx.addBodyEndHandler(v -> ctx.vertx().cancelTimer(timer));
            // told first when the connection closes under an upload: what was stored is cancelled while its file is
            // still open (the body handler, told later, would cancel it after Vert.x closed the file, and fail)
            ctx.response().exceptionHandler(failure -> cleanUp(ctx));
            bodyHandler.handle(ctx);
            if (request.isExpectMultipart() && ctx.get(READ) == null) {
                // in place of the body handler's own: the same answers, without failing on an upload already closed
                request.exceptionHandler(failure -> {
                    cleanUp(ctx);
                    if (ctx.response().ended() || ctx.failed()) {
                        LOG.debug("upload failed after its answer: {}", failure.toString());
                    } else if (failure instanceof DecoderException) {
                        ctx.fail(400, failure.getCause() != null ? failure.getCause() : failure);
                    } else {
                        ctx.fail(failure);
                    }
                });
            }
        };
    }

    /** Marks an upload's body as read completely (the body handler passed it on). */
    public static void bodyRead(RoutingContext ctx) {
        ctx.put(READ, Boolean.TRUE);
        ctx.next();
    }

    /**
     * Admits an upload before its body is read: it must be {@code multipart/form-data} (415), for a project id
     * (400), and the caller must be allowed to attach a document to that project (404 outside their scope, 403 for
     * their role).
     */
    public Handler<RoutingContext> admission() {
        return ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                Replies.json(ctx, 415, new JsonObject().put("code", "UNSUPPORTED_MEDIA_TYPE")
                        .put("message", "上传文件须以multipart/form-data提交（文件放在file字段，文档类型放在kind字段）")
                        .put("messageEn", "an upload must be sent as multipart/form-data with the parts 'kind' and"
                                + " 'file'")
                        .put("requestId", RequestIds.of(ctx)));
                return;
            }
            Caller caller = Callers.of(ctx);
            ProjectId id;
            try {
                // the route's path parameters are not known yet: the id is read from the path itself
                id = ProjectId.parse(uploadTarget(ctx.request().path()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("id", "项目编号格式不正确", "the project id must be a UUID");
            }
            Blocking.call(ctx, () -> {
                documents.mayAttach(caller, id);
                return id;
            }).onSuccess(admitted -> ctx.next()).onFailure(ctx::fail);
        };
    }

    private void upload(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        List<FileUpload> files = ctx.fileUploads();
        if (files.isEmpty()) {
            throw new BadRequestException("file", "请选择要上传的文件", "a multipart part named 'file' is required");
        }
        if (files.size() > 1) {
            throw new BadRequestException("file", "一次只能上传一个文件", "exactly one file may be uploaded at a time");
        }
        FileUpload file = files.get(0);
        if (!"file".equals(file.name())) {
            throw new BadRequestException("file", "文件应放在名为file的字段中", "the file must be the part named 'file'");
        }
        // bounded before anything is read: the file name and the kind as the command keeps them
        String fileName = AttachDocumentCommand.fileName(file.fileName());
        String kind = Check.text(ctx.request().getFormAttribute("kind"), "kind", "文档类型",
                AttachDocumentCommand.MAX_KIND);
        String declaredType = file.contentType();
        String uploaded = file.uploadedFileName();
        Blocking.call(ctx, () -> documents.attach(caller, new AttachDocumentCommand(id, kind, fileName, declaredType,
                read(uploaded)))).onSuccess(d -> {
                    ctx.response().putHeader("Location", "/api/projects/" + id + "/documents/" + d.id());
                    Replies.json(ctx, 201, ProjectJson.document(d));
                }).onFailure(ctx::fail);
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        Blocking.call(ctx, () -> documents.list(caller, id)).onSuccess(all -> {
            JsonArray items = new JsonArray();
            all.forEach(d -> items.add(ProjectJson.document(d)));
            Replies.json(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void download(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        UUID documentId;
        try {
            documentId = UUID.fromString(ctx.pathParam("documentId"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("documentId", "文档编号格式不正确", "the document id must be a UUID");
        }
        Blocking.call(ctx, () -> documents.download(caller, id, documentId)).onSuccess(d -> {
            String encoded = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
            ctx.response().setStatusCode(200)
                    .putHeader("Content-Type", "application/octet-stream")
                    .putHeader("Content-Disposition", "attachment; filename=\"document\"; filename*=UTF-8''"
                            + encoded)
                    .putHeader("X-Content-SHA256", d.sha256())
                    .end(Buffer.buffer(d.content()));
        }).onFailure(ctx::fail);
    }
}
