package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DrawCommand;
import cn.egov.projects.application.port.in.ExpertCommand;
import cn.egov.projects.application.port.in.ExpertPoolUseCase;
import cn.egov.projects.application.port.in.ExpertReviewUseCase;
import cn.egov.projects.application.port.in.OpinionCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.expert.ExpertDrawing;
import cn.egov.projects.domain.expert.ExpertField;
import cn.egov.projects.domain.expert.Vendor;
import cn.egov.projects.domain.expert.Verdict;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The expert pool and the draws (Art. 8, 24): the Bureau keeps the pool ({@code /api/experts}) and draws a project's
 * review experts ({@code POST /api/projects/:id/expert-draws}); the record of each draw can be read and replayed
 * ({@code GET /api/expert-draws/:drawId/replay}); a drawn expert lists the projects drawn for
 * ({@code GET /api/expert/reviews}), signs the conflict declaration, declines, and records an opinion and score
 * ({@code /api/projects/:id/expert-review/...}). A unit never draws or reads its project's review draws; an expert
 * not drawn for a project gets 404.
 */
public final class ExpertRoutes {

    private final ExpertPoolUseCase pool;
    private final ExpertReviewUseCase reviews;

    public ExpertRoutes(ExpertPoolUseCase pool, ExpertReviewUseCase reviews) {
        this.pool = pool;
        this.reviews = reviews;
    }

    public void mount(Router router, RouteTable table) {
        Rule keeper = new Rule(Rule.Kind.ROLES, java.util.Set.of(Role.BDB_OFFICER), "管理专家库");
        Rule reader = new Rule(Rule.Kind.ROLES, java.util.Set.of(Role.BDB_OFFICER, Role.AUDIT), "查看专家库");
        Rule drawing = new Rule(Rule.Kind.ROLES, java.util.Set.of(Role.BDB_OFFICER, Role.UNIT_STAFF,
                Role.UNIT_LEADER), "随机抽取专家");
        Rule records = new Rule(Rule.Kind.ROLES, java.util.Set.of(Role.BDB_OFFICER, Role.AUDIT, Role.UNIT_STAFF,
                Role.UNIT_LEADER), "查看专家抽取记录");
        Rule expert = new Rule(Rule.Kind.ROLES, java.util.Set.of(Role.EXPERT), "专家评审");
        table.add(router, HttpMethod.GET, "/api/experts", reader, ctx -> reply(ctx, 200,
                c -> new JsonObject().put("experts", array(pool.experts(c), ExpertRoutes::expert))
                        .put("fields", fields())));
        table.add(router, HttpMethod.POST, "/api/experts", keeper, ctx -> {
            ExpertCommand command = expertCommand(Bodies.requiredJson(ctx));
            reply(ctx, 201, c -> expert(pool.addExpert(c, command)));
        });
        table.add(router, HttpMethod.PUT, "/api/experts/:expertId", keeper, ctx -> {
            ExpertCommand command = expertCommand(Bodies.requiredJson(ctx));
            String id = ctx.pathParam("expertId");
            reply(ctx, 200, c -> expert(pool.updateExpert(c, id, command)));
        });
        table.add(router, HttpMethod.POST, "/api/projects/:id/expert-draws", drawing, ctx -> {
            ProjectId id = Bodies.projectId(ctx);
            DrawCommand command = drawCommand(Bodies.requiredJson(ctx));
            reply(ctx, 201, c -> draw(pool.draw(c, id, command)));
        });
        table.add(router, HttpMethod.GET, "/api/projects/:id/expert-draws", records, ctx -> {
            ProjectId id = Bodies.projectId(ctx);
            reply(ctx, 200, c -> new JsonObject().put("draws", array(pool.draws(c, id), ExpertRoutes::draw)));
        });
        table.add(router, HttpMethod.GET, "/api/expert-draws/:drawId/replay", records, ctx -> {
            String drawId = ctx.pathParam("drawId");
            reply(ctx, 200, c -> {
                ExpertPoolUseCase.Replay r = pool.replay(c, drawId);
                return new JsonObject().put("drawId", r.draw().id()).put("matches", r.matches())
                        .put("seed", r.draw().seed()).put("recorded", result(r.draw().result()))
                        .put("replayed", result(r.replayed()));
            });
        });
        table.add(router, HttpMethod.GET, "/api/expert/reviews", expert, ctx -> reply(ctx, 200,
                c -> new JsonObject().put("invitations", array(reviews.myInvitations(c), ExpertRoutes::invitation))
                        .put("declaration", ExpertDraw.DECLARATION_ZH)));
        table.add(router, HttpMethod.POST, "/api/projects/:id/expert-review/declaration", expert, ctx -> {
            ProjectId id = Bodies.projectId(ctx);
            JsonFields f = JsonFields.of(Bodies.json(ctx));
            if (!f.bool("agree", false)) {
                throw new BadRequestException("agree", "请确认回避声明（agree 为 true）",
                        "'agree' must be true to sign the declaration");
            }
            reply(ctx, 200, c -> invitation(reviews.declare(c, id)));
        });
        table.add(router, HttpMethod.POST, "/api/projects/:id/expert-review/decline", expert, ctx -> {
            ProjectId id = Bodies.projectId(ctx);
            String reason = JsonFields.of(Bodies.requiredJson(ctx)).optionalText("reason");
            reply(ctx, 200, c -> invitation(reviews.decline(c, id, reason)));
        });
        table.add(router, HttpMethod.PUT, "/api/projects/:id/expert-review/opinion", expert, ctx -> {
            ProjectId id = Bodies.projectId(ctx);
            JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
            OpinionCommand command = new OpinionCommand(f.enumValue("verdict", Verdict.class),
                    f.has("score") ? f.integer("score") : null, f.optionalText("comments"));
            reply(ctx, 200, c -> invitation(reviews.recordOpinion(c, id, command)));
        });
    }

    private static void reply(RoutingContext ctx, int status, Function<Caller, JsonObject> work) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> work.apply(caller)).onSuccess(json -> Replies.json(ctx, status, json))
                .onFailure(ctx::fail);
    }

    // ------------------------------------------------------------------------------------------------ reading

    private static ExpertCommand expertCommand(JsonObject body) {
        JsonFields f = JsonFields.of(body);
        List<ExpertField> fields = new ArrayList<>();
        for (Object o : list(body, "fields")) {
            if (!(o instanceof String s)) {
                throw new BadRequestException("fields", "专业领域应为文本", "'fields' must hold strings");
            }
            fields.add(JsonFields.parseEnum("fields", s, ExpertField.class));
        }
        List<Expert.UnitRelation> units = new ArrayList<>();
        for (JsonObject o : objects(body, "relatedUnits")) {
            JsonFields u = JsonFields.of(o, "relatedUnits");
            units.add(new Expert.UnitRelation(unit(u.text("unit"), "relatedUnits.unit"), u.optionalText("note")));
        }
        List<Expert.VendorRelation> vendors = new ArrayList<>();
        for (JsonObject o : objects(body, "relatedVendors")) {
            JsonFields v = JsonFields.of(o, "relatedVendors");
            vendors.add(new Expert.VendorRelation(vendor(v, "relatedVendors"), v.optionalText("note")));
        }
        String employerUnit = f.optionalText("employerUnit");
        return new ExpertCommand(f.optionalText("userId"), f.optionalText("name"), fields,
                f.optionalText("employer"), employerUnit == null || employerUnit.isBlank() ? null
                : unit(employerUnit, "employerUnit"), units, vendors, f.bool("active", true));
    }

    private static DrawCommand drawCommand(JsonObject body) {
        JsonFields f = JsonFields.of(body);
        List<ExpertField> fields = new ArrayList<>();
        for (Object o : list(body, "fields")) {
            if (!(o instanceof String s)) {
                throw new BadRequestException("fields", "专业领域应为文本", "'fields' must hold strings");
            }
            fields.add(JsonFields.parseEnum("fields", s, ExpertField.class));
        }
        List<Vendor> bidders = new ArrayList<>();
        for (JsonObject o : objects(body, "bidders")) {
            bidders.add(vendor(JsonFields.of(o, "bidders"), "bidders"));
        }
        return new DrawCommand(fields, f.integer("experts"), f.has("reserves") ? f.integer("reserves") : 0, bidders);
    }

    private static Vendor vendor(JsonFields v, String path) {
        String name = v.optionalText("name");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new BadRequestException(path + ".name", "企业名称不能为空且不超过200字",
                    "'" + path + ".name' is required, at most 200 characters");
        }
        String code = v.optionalText("creditCode");
        if (code != null && !code.isBlank() && !code.strip().matches("[0-9A-Za-z]{18}")) {
            throw new BadRequestException(path + ".creditCode", "统一社会信用代码应为18位字母或数字",
                    "'" + path + ".creditCode' must be 18 letters or digits");
        }
        return new Vendor(name, code);
    }

    private static UnitId unit(String code, String path) {
        try {
            return new UnitId(code == null ? null : code.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(path, "单位代码应为1至40位字母、数字、连字符或下划线",
                    "'" + path + "' is not a unit code");
        }
    }

    private static JsonArray list(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray a) || a.size() > JsonFields.MAX_LIST) {
            throw new BadRequestException(field, "「" + field + "」应为数组", "'" + field + "' must be an array");
        }
        return a;
    }

    private static List<JsonObject> objects(JsonObject body, String field) {
        List<JsonObject> items = new ArrayList<>();
        for (Object o : list(body, field)) {
            if (!(o instanceof JsonObject j)) {
                throw new BadRequestException(field, "「" + field + "」的每一项应为对象", "'" + field + "' must hold objects");
            }
            items.add(j);
        }
        return items;
    }

    // ------------------------------------------------------------------------------------------------ writing

    private static <T> JsonArray array(List<T> items, Function<T, Object> json) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(json.apply(i)));
        return a;
    }

    private static JsonArray fields() {
        JsonArray a = new JsonArray();
        for (ExpertField f : ExpertField.values()) {
            a.add(new JsonObject().put("name", f.name()).put("zh", f.zh()));
        }
        return a;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    static JsonObject expert(Expert e) {
        return new JsonObject().put("id", e.id()).put("userId", e.userId()).put("name", e.name())
                .put("fields", array(e.fields(), Enum::name)).put("fieldsZh", e.fieldsZh())
                .put("employer", e.employer())
                .put("employerUnit", e.employerUnit() == null ? null : e.employerUnit().code())
                .put("relatedUnits", array(e.relatedUnits(), r -> new JsonObject().put("unit", r.unit().code())
                        .put("note", r.note())))
                .put("relatedVendors", array(e.relatedVendors(), r -> vendor(r.vendor()).put("note", r.note())))
                .put("active", e.active());
    }

    private static JsonObject vendor(Vendor v) {
        return new JsonObject().put("name", v.name()).put("creditCode", v.creditCode());
    }

    private static JsonObject result(ExpertDrawing.Result r) {
        return new JsonObject().put("exclusions", array(r.exclusions(), x -> new JsonObject()
                        .put("expertId", x.expertId()).put("name", x.name()).put("reasons", new JsonArray(x.reasonsZh()))))
                .put("drawn", new JsonArray(r.drawn())).put("reserves", new JsonArray(r.reserves()))
                .put("eligible", r.eligible());
    }

    static JsonObject draw(ExpertDraw d) {
        return new JsonObject().put("id", d.id()).put("projectId", d.project().toString())
                .put("purpose", d.purpose().name()).put("purposeZh", d.purpose().zh())
                .put("request", new JsonObject().put("fields", array(d.request().fields(), Enum::name))
                        .put("experts", d.request().experts()).put("reserves", d.request().reserves()))
                .put("subject", new JsonObject().put("unit", d.subject().unit().code())
                        .put("vendors", array(d.subject().vendors(), ExpertRoutes::vendor))
                        .put("unavailable", array(d.subject().unavailable(), u -> new JsonObject()
                                .put("expertId", u.expertId()).put("reason", u.reasonZh()))))
                .put("seed", d.seed())
                .put("algorithm", "SHA-256(种子‖专家编号)从小到大排序，前N名为抽中专家，其后为备选（按序递补）")
                .put("pool", array(d.pool(), ExpertRoutes::expert))
                .put("result", result(d.result()))
                .put("drawnBy", d.drawnBy()).put("drawnByName", d.drawnByName()).put("drawnAt", time(d.drawnAt()))
                .put("open", d.isOpen()).put("closedAt", time(d.closedAt()))
                .put("seats", array(d.seats(), ExpertRoutes::seat))
                .put("replacements", array(d.replacements(), r -> new JsonObject()
                        .put("declinedExpertId", r.declinedExpertId()).put("reserveExpertId", r.reserveExpertId())
                        .put("at", time(r.at()))))
                .put("averageScore", d.averageScore().isPresent() ? d.averageScore().getAsDouble() : null);
    }

    private static JsonObject seat(ExpertDraw.Seat s) {
        return new JsonObject().put("expertId", s.expertId()).put("userId", s.userId()).put("name", s.name())
                .put("reserve", s.reserve()).put("status", s.status().name()).put("statusZh", s.status().zh())
                .put("declaredAt", time(s.declaredAt())).put("declinedAt", time(s.declinedAt()))
                .put("declineReason", s.declineReason()).put("opinion", opinion(s.opinion()));
    }

    private static JsonObject opinion(ExpertDraw.Opinion o) {
        return o == null ? null : new JsonObject().put("verdict", o.verdict().name()).put("verdictZh", o.verdict().zh())
                .put("score", o.score()).put("comments", o.comments()).put("at", time(o.at()));
    }

    /** What the expert sees of a draw: the project, its unit and vendors, and their own seat — no other expert. */
    static JsonObject invitation(ExpertReviewUseCase.Invitation i) {
        ExpertDraw d = i.draw();
        ExpertDraw.Seat s = i.seat();
        return new JsonObject().put("drawId", d.id()).put("projectId", d.project().toString())
                .put("projectName", i.projectName()).put("unit", i.unitCode())
                .put("purpose", d.purpose().name()).put("purposeZh", d.purpose().zh())
                .put("vendors", array(d.subject().vendors(), ExpertRoutes::vendor))
                .put("status", s.status().name()).put("statusZh", s.status().zh())
                .put("declaredAt", time(s.declaredAt())).put("opinion", opinion(s.opinion()));
    }
}
