package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.IssueAnnualPlanCommand;
import cn.egov.projects.application.port.in.IssueAnnualPlanUseCase;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.ProjectJson;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The Bureau issues the annual plan as one act (Art. 9): {@code POST /api/annual-plans
 * {planYear, reference, projects: [id…]}} → 201 with each project's new state; when any project is refused, none
 * enters the plan and the 422 names each refusal.
 */
public final class PlanRoutes {

    private final IssueAnnualPlanUseCase issuePlan;

    public PlanRoutes(IssueAnnualPlanUseCase issuePlan) {
        this.issuePlan = issuePlan;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/annual-plans", Rule.of(Action.ISSUE_PLAN), this::issue);
    }

    private void issue(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        List<ProjectId> projects = new ArrayList<>();
        List<String> ids = f.texts("projects");
        for (int i = 0; i < ids.size(); i++) {
            try {
                projects.add(ProjectId.parse(ids.get(i).trim()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("projects[" + i + "]", "项目编号格式不正确",
                        "every project must be a project id (UUID)");
            }
        }
        IssueAnnualPlanCommand command = new IssueAnnualPlanCommand(f.integer("planYear"), f.optionalText("reference"),
                projects);
        Blocking.call(ctx, () -> issuePlan.issuePlan(caller, command)).onSuccess(results -> {
            JsonArray items = new JsonArray();
            for (TransitionResult r : results) {
                items.add(ProjectJson.transition(r));
            }
            Replies.json(ctx, 201, new JsonObject().put("planYear", command.planYear())
                    .put("reference", command.reference()).put("projects", items));
        }).onFailure(ctx::fail);
    }
}
