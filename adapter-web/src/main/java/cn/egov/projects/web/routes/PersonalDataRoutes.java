package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.PersonalDataUseCase;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The audited unmasking of personal data shown masked elsewhere ({@code 139****5678}, {@code z***@example.cn}):
 * {@code POST /api/accounts/:userId/unmask {reason?}} → {@code {userId, mobile, email}} for the person themself and
 * the administrators managing the account; {@code POST /api/projects/:id/contacts/unmask {reason?}} →
 * {@code {leader, responsible}} for the project's unit and the Bureau. Each answer is recorded in the security audit
 * trail before it goes out; a POST, so that nothing caches it, and answered {@code Cache-Control: no-store}.
 */
public final class PersonalDataRoutes {

    private static final int MAX_USER_ID = 100;

    private final PersonalDataUseCase personalData;

    public PersonalDataRoutes(PersonalDataUseCase personalData) {
        this.personalData = personalData;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/accounts/:userId/unmask", Rule.signedIn(), this::account);
        table.add(router, HttpMethod.POST, "/api/projects/:id/contacts/unmask",
                Rule.roles(Role.UNIT_STAFF, Role.UNIT_LEADER, Role.BDB_OFFICER), this::project);
    }

    private void account(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String userId = ctx.pathParam("userId");
        if (userId == null || userId.isEmpty() || userId.length() > MAX_USER_ID) {
            throw new BadRequestException("userId", "账号标识不正确", "the user id must have 1 to 100 characters");
        }
        String reason = reason(ctx);
        Blocking.call(ctx, () -> personalData.revealAccount(caller, userId, reason)).onSuccess(c -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            Replies.json(ctx, 200, new JsonObject().put("userId", c.userId()).put("mobile", c.mobile())
                    .put("email", c.email()));
        }).onFailure(ctx::fail);
    }

    private void project(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId project = Bodies.projectId(ctx);
        String reason = reason(ctx);
        Blocking.call(ctx, () -> personalData.revealProject(caller, project, reason)).onSuccess(people -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            Replies.json(ctx, 200, new JsonObject()
                    .put("leader", people == null ? null : person(people.leader()))
                    .put("responsible", people == null ? null : person(people.responsible())));
        }).onFailure(ctx::fail);
    }

    private static String reason(RoutingContext ctx) {
        JsonFields f = JsonFields.of(Bodies.json(ctx));
        String reason = f.optionalText("reason");
        if (reason != null && reason.length() > PersonalDataUseCase.MAX_REASON) {
            throw new BadRequestException("reason", "查看事由不能超过" + PersonalDataUseCase.MAX_REASON + "个字",
                    "the reason must have at most " + PersonalDataUseCase.MAX_REASON + " characters");
        }
        return reason;
    }

    private static JsonObject person(Person p) {
        return p == null ? null : new JsonObject().put("name", p.name()).put("mobile", p.mobile())
                .put("email", p.email());
    }
}
