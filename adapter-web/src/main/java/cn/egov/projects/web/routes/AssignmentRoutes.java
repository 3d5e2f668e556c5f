package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ProjectAssignmentUseCase;
import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The people named to a project (RULES.md §1): {@code GET /api/projects/:id/assignments} → who is named (as far as the
 * caller may know: a unit does not see its project's reviewers before the review ends, Art. 8), what for, and for a
 * caller who may name people, whom they may name; {@code PUT /api/projects/:id/assignments/:userId} names an account
 * and {@code DELETE} the same removes it, each answering the assignments as they now stand. What the account is named
 * for follows from the project and the caller: into a classified project's scope by the secrecy office (Art. 27), a
 * review expert by the Bureau (Art. 8), an acceptance expert by the project's unit (Art. 24). Naming twice or removing
 * someone not named changes nothing (200).
 */
public final class AssignmentRoutes {

    private final ProjectAssignmentUseCase assignments;

    public AssignmentRoutes(ProjectAssignmentUseCase assignments) {
        this.assignments = assignments;
    }

    public void mount(Router router, RouteTable table) {
        Set<Role> naming = EnumSet.noneOf(Role.class);
        for (AssignmentPurpose purpose : AssignmentPurpose.values()) {
            naming.addAll(purpose.action().roles());
        }
        Rule change = new Rule(Rule.Kind.ROLES, naming, "指定项目人员");
        table.add(router, HttpMethod.GET, "/api/projects/:id/assignments", Rule.of(Action.VIEW_PROJECT), this::list);
        table.add(router, HttpMethod.PUT, "/api/projects/:id/assignments/:userId", change,
                ctx -> change(ctx, true));
        table.add(router, HttpMethod.DELETE, "/api/projects/:id/assignments/:userId", change,
                ctx -> change(ctx, false));
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        Blocking.call(ctx, () -> assignments.assignments(caller, id))
                .onSuccess(view -> Replies.json(ctx, 200, json(view))).onFailure(ctx::fail);
    }

    private void change(RoutingContext ctx, boolean assign) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        String userId = ctx.pathParam("userId");
        Blocking.call(ctx, () -> assign ? assignments.assign(caller, id, userId)
                        : assignments.unassign(caller, id, userId))
                .onSuccess(view -> Replies.json(ctx, 200, json(view))).onFailure(ctx::fail);
    }

    static JsonObject json(ProjectAssignments view) {
        return new JsonObject().put("projectId", view.project().toString()).put("classified", view.classified())
                .put("mayManage", view.mayManage()).put("assigned", people(view.assigned()))
                .put("candidates", people(view.candidates()));
    }

    private static JsonArray people(List<ProjectAssignments.Person> people) {
        JsonArray items = new JsonArray();
        for (ProjectAssignments.Person p : people) {
            items.add(new JsonObject().put("userId", p.userId()).put("username", p.username())
                    .put("displayName", p.displayName()).put("role", p.role().name()).put("roleZh", p.role().zh())
                    .put("unit", p.unit() == null ? null : p.unit().code()).put("purpose", p.purpose().name())
                    .put("purposeZh", p.purpose().zh()).put("removable", p.removable()));
        }
        return items;
    }
}
