package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DeadLetterUseCase;
import cn.egov.projects.application.view.DeadLetter;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.application.view.Masks;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The reminders that could not be delivered, for the system administrator: {@code GET /api/admin/dead-letters}
 * ({@code ?limit=}, newest first) → 200 {@code {"items": [...]}}; {@code POST /api/admin/dead-letters/:id/retry} →
 * 202 {@code {"id", "status": "retrying"}}. A dead letter names a channel, an address and a count, never a project.
 */
public final class DeadLetterRoutes {

    private final DeadLetterUseCase deadLetters;

    public DeadLetterRoutes(DeadLetterUseCase deadLetters) {
        this.deadLetters = deadLetters;
    }

    public void mount(Router router, RouteTable table) {
        Rule admin = Rule.of(Action.MANAGE_DEAD_LETTERS);
        table.add(router, HttpMethod.GET, "/api/admin/dead-letters", admin, this::list);
        table.add(router, HttpMethod.POST, "/api/admin/dead-letters/:id/retry", admin, this::retry);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        int limit = limit(ctx.queryParams().get("limit"));
        Blocking.call(ctx, () -> deadLetters.listDeadLetters(caller, limit))
                .onSuccess(items -> Replies.json(ctx, 200, new JsonObject().put("items", json(items))))
                .onFailure(ctx::fail);
    }

    private void retry(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        long id = id(ctx.pathParam("id"));
        Blocking.call(ctx, () -> {
            deadLetters.retryDeadLetter(caller, id);
            return id;
        }).onSuccess(done -> Replies.json(ctx, 202, new JsonObject().put("id", done).put("status", "retrying")))
                .onFailure(ctx::fail);
    }

    private static JsonArray json(List<DeadLetter> items) {
        JsonArray array = new JsonArray();
        for (DeadLetter d : items) {
            // the recipient and any address the server's error quotes are shown masked (个人信息保护)
            array.add(new JsonObject().put("id", d.id()).put("channel", d.channel())
                    .put("recipient", Masks.recipient(d.recipient()))
                    .put("day", d.day().toString()).put("reminders", d.reminders()).put("attempts", d.attempts())
                    .put("lastError", Masks.redact(d.lastError())).put("failedAt", d.failedAt().toString())
                    .put("retriedAt", d.retriedAt() == null ? null : d.retriedAt().toString())
                    .put("retriedBy", d.retriedBy()));
        }
        return array;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("limit", "每页条数应为1至1000", "'limit' must be a number from 1 to 1000");
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException("id", "记录编号格式不正确", "the dead letter id must be a number");
        }
    }
}
