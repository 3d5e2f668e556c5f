package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.BackupUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.out.BackupPort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The system administrator's online backup: {@code POST /api/backups} (no body) makes a consistent backup of the
 * database while the application serves, into the server's backup directory ({@code EGOV_BACKUP_DIR}; the request
 * names no path) → 201 {@code {"fileName", "bytes", "createdAt", "schemaVersion", "projects", "documents",
 * "accounts", "auditRecords", "auditLastId"}}; 409 {@code BACKUP_IN_PROGRESS} while another is being made; 503
 * {@code BACKUP_FAILED} with the reason when it cannot be made.
 */
public final class BackupRoutes {

    private final BackupUseCase backups;

    /** @param backups null: this server makes no backups (answers 503) */
    public BackupRoutes(BackupUseCase backups) {
        this.backups = backups;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/backups", Rule.roles(Role.ADMIN), this::backUp);
    }

    private void backUp(RoutingContext ctx) {
        if (backups == null) {
            Replies.json(ctx, 503, failed("本服务器未配置在线备份", "this server makes no backups", ctx));
            return;
        }
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> backups.backUp(caller)).onSuccess(b -> Replies.json(ctx, 201, new JsonObject()
                        .put("fileName", b.fileName()).put("bytes", b.bytes()).put("createdAt", b.createdAt().toString())
                        .put("schemaVersion", b.schemaVersion()).put("projects", b.projects())
                        .put("documents", b.documents()).put("accounts", b.accounts())
                        .put("auditRecords", b.auditRecords()).put("auditLastId", b.auditLastId())
                        .put("message", "已备份到" + b.fileName() + "：" + b.countsZh())))
                .onFailure(failure -> {
                    if (failure instanceof BackupPort.BackupFailedException e && e.busy()) {
                        Replies.json(ctx, 409, new JsonObject().put("code", "BACKUP_IN_PROGRESS")
                                .put("message", e.messageZh()).put("messageEn", e.getMessage())
                                .put("requestId", RequestIds.of(ctx)));
                    } else if (failure instanceof BackupPort.BackupFailedException e) {
                        Replies.json(ctx, 503, failed("备份未能完成：" + e.messageZh(), e.getMessage(), ctx));
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    private static JsonObject failed(String zh, String en, RoutingContext ctx) {
        return new JsonObject().put("code", "BACKUP_FAILED").put("message", zh).put("messageEn", en)
                .put("requestId", RequestIds.of(ctx));
    }
}
