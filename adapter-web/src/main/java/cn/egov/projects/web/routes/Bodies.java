package cn.egov.projects.web.routes;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.ExactJson;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** What the routes read from a request: its JSON body and its path parameters. */
final class Bodies {

    private Bodies() {
    }

    /** The JSON object of the body; an empty body is an empty object (a large body was read off the event loop). */
    static JsonObject json(RoutingContext ctx) {
        return ExactJson.object(ctx);
    }

    /** The JSON object of a body that must not be empty. */
    static JsonObject requiredJson(RoutingContext ctx) {
        JsonObject json = json(ctx);
        if (json.isEmpty()) {
            throw new BadRequestException(null, "请求内容不能为空", "a JSON body is required");
        }
        return json;
    }

    static ProjectId projectId(RoutingContext ctx) {
        String text = ctx.pathParam("id");
        try {
            return ProjectId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("id", "项目编号格式不正确", "the project id must be a UUID");
        }
    }
}
