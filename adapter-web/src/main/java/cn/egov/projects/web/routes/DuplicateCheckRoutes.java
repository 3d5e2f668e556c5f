package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RecordReuseOpinionCommand;
import cn.egov.projects.application.port.in.ReuseOpinionUseCase;
import cn.egov.projects.application.port.in.SimilarProjectsQuery;
import cn.egov.projects.application.port.in.SimilarProjectsUseCase;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.DuplicateCheck;
import cn.egov.projects.domain.resource.ReuseOpinion;
import cn.egov.projects.domain.resource.ReuseVerdict;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.ResourceJson;
import cn.egov.projects.web.json.Texts;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Duplicate construction (Art. 1: 避免重复建设; Art. 6): {@code GET /api/projects/:id/similar?minScore=&limit=} ranks
 * the projects and catalogued resources like the project, among those the caller may see (the applicant's unit,
 * the Bureau's officers, the experts named to it); {@code GET /api/projects/:id/reuse-opinion} reads the Bureau's
 * opinion and {@code PUT} the same gives one (body {@code {"verdict", "comment", "similar": [{"projectId",
 * "resourceId"}]}}), answering the opinion as it now stands.
 */
public final class DuplicateCheckRoutes {

    private final SimilarProjectsUseCase similar;
    private final ReuseOpinionUseCase opinions;

    public DuplicateCheckRoutes(SimilarProjectsUseCase similar, ReuseOpinionUseCase opinions) {
        this.similar = similar;
        this.opinions = opinions;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.GET, "/api/projects/:id/similar", Rule.of(Action.VIEW_SIMILAR_PROJECTS),
                this::similar);
        table.add(router, HttpMethod.GET, "/api/projects/:id/reuse-opinion", Rule.of(Action.VIEW_PROJECT),
                this::opinion);
        table.add(router, HttpMethod.PUT, "/api/projects/:id/reuse-opinion", Rule.of(Action.RECORD_REUSE_OPINION),
                this::record);
    }

    private void similar(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        SimilarProjectsQuery query = new SimilarProjectsQuery(id, minScore(ctx),
                QueryParams.integer(ctx.queryParams(), "limit", 1, DuplicateCheck.MAX_LIMIT));
        Blocking.call(ctx, () -> similar.similar(caller, query))
                .onSuccess(report -> Replies.json(ctx, 200, ResourceJson.similarity(report))).onFailure(ctx::fail);
    }

    private void opinion(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        Blocking.call(ctx, () -> opinions.opinion(caller, id))
                .onSuccess(view -> Replies.json(ctx, 200, ResourceJson.opinion(view))).onFailure(ctx::fail);
    }

    private void record(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        RecordReuseOpinionCommand command = new RecordReuseOpinionCommand(id, f.enumValue("verdict", ReuseVerdict.class),
                f.optionalText("comment"), similar(f));
        Blocking.call(ctx, () -> opinions.record(caller, command))
                .onSuccess(view -> Replies.json(ctx, 200, ResourceJson.opinion(view))).onFailure(ctx::fail);
    }

    private static List<RecordReuseOpinionCommand.Similar> similar(JsonFields f) {
        JsonArray array = f.optionalArray("similar");
        List<RecordReuseOpinionCommand.Similar> similar = new ArrayList<>();
        if (array == null) {
            return similar;
        }
        if (array.size() > ReuseOpinion.MAX_SIMILAR) {
            throw new BadRequestException("similar", "列明的相似项目和资源不能超过" + ReuseOpinion.MAX_SIMILAR + "项",
                    "'similar' must have at most " + ReuseOpinion.MAX_SIMILAR + " items");
        }
        for (int i = 0; i < array.size(); i++) {
            String at = "similar[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject item)) {
                throw new BadRequestException(at, "「" + at + "」应为对象（projectId，可带resourceId）",
                        "'" + at + "' must be an object with projectId and, for a resource, resourceId");
            }
            JsonFields s = JsonFields.of(item, at);
            ProjectId project;
            try {
                project = ProjectId.parse(s.text("projectId").trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(s.path("projectId"), "「" + s.path("projectId") + "」应为项目编号（UUID）",
                        "'" + s.path("projectId") + "' must be a UUID");
            }
            UUID resource = null;
            String resourceText = s.optionalText("resourceId");
            if (resourceText != null) {
                try {
                    resource = UUID.fromString(resourceText.trim());
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(s.path("resourceId"), "「" + s.path("resourceId")
                            + "」应为资源编号（UUID）", "'" + s.path("resourceId") + "' must be a UUID");
                }
            }
            similar.add(new RecordReuseOpinionCommand.Similar(project, resource));
        }
        return similar;
    }

    /** The threshold of a query, a decimal from the lowest the check allows to 1, or null when absent. */
    private static Double minScore(RoutingContext ctx) {
        String text = QueryParams.text(ctx.queryParams(), "minScore");
        if (text == null) {
            return null;
        }
        try {
            if (text.length() <= 10) {
                BigDecimal value = new BigDecimal(text);
                if (value.compareTo(BigDecimal.valueOf(DuplicateCheck.LOWEST_MIN_SCORE)) >= 0
                        && value.compareTo(BigDecimal.ONE) <= 0) {
                    return value.doubleValue();
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("minScore", "「minScore」应为" + DuplicateCheck.LOWEST_MIN_SCORE + "至1之间的小数",
                "'minScore' must be a decimal from " + DuplicateCheck.LOWEST_MIN_SCORE + " to 1, got '"
                        + Texts.clip(text) + "'");
    }
}
