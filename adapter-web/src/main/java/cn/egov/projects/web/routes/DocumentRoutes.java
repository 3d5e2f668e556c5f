package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DocumentUseCase;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A project's documents: {@code POST /api/projects/:id/documents} (multipart/form-data: {@code kind} and one
 * {@code file}; 413 above the configured size, 400 for a type not allowed) → 201; {@code GET
 * /api/projects/:id/documents}; {@code GET /api/projects/:id/documents/:documentId} downloads the file as an
 * attachment, checked against its SHA-256.
 */
public final class DocumentRoutes {

    /** The upload route's path, which takes multipart bodies instead of JSON. */
    public static final String UPLOAD_PATH = "/api/projects/:id/documents";

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

    /** Whether a request is an upload (its body is multipart, read to files by a body handler of its own). */
    public static boolean isUpload(RoutingContext ctx) {
        String path = ctx.request().path();
        return ctx.request().method() == HttpMethod.POST && path.startsWith("/api/projects/")
                && path.endsWith("/documents");
    }

    private void upload(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        List<FileUpload> files = ctx.fileUploads();
        if (files.isEmpty()) {
            throw new BadRequestException("file", "请选择要上传的文件", "a multipart part named 'file' is required");
        }
        FileUpload file = files.get(0);
        String kind = ctx.request().getFormAttribute("kind");
        Blocking.call(ctx, () -> {
            byte[] content = read(file.uploadedFileName());
            return documents.attach(caller, new AttachDocumentCommand(id, kind, file.fileName(), file.contentType(),
                    content));
        }).onSuccess(d -> {
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
