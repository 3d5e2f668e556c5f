package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.CreateDraftUseCase;
import cn.egov.projects.application.port.in.DeclareProjectCommand;
import cn.egov.projects.application.port.in.DeclareProjectUseCase;
import cn.egov.projects.application.port.in.GetProjectUseCase;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.port.in.ListProjectsUseCase;
import cn.egov.projects.application.port.in.ProjectPage;
import cn.egov.projects.application.port.in.ProjectPageUseCase;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.http.ShortCache;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.ProjectJson;
import cn.egov.projects.web.json.Texts;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * Projects: create a draft ({@code POST /api/projects}), list those the caller may see
 * ({@code GET /api/projects?year=&unit=&state=&category=&q=&page=&size=}, {@code q} part of a name or the beginning
 * of a number: the search box of every page), read one with the actions the caller may
 * take, its timeline and documents ({@code GET /api/projects/:id})
 * and declare it ({@code POST /api/projects/:id/declare}, body optionally {@code {"expectedVersion": n}}).
 */
public final class ProjectRoutes {

    private final CreateDraftUseCase createDraft;
    private final ListProjectsUseCase listProjects;
    private final GetProjectUseCase getProject;
    private final DeclareProjectUseCase declareProject;
    private final ProjectPageUseCase projectPage;
    private final ShortCache pages = new ShortCache();

    public ProjectRoutes(CreateDraftUseCase createDraft, ListProjectsUseCase listProjects,
                         GetProjectUseCase getProject, DeclareProjectUseCase declareProject,
                         ProjectPageUseCase projectPage) {
        this.createDraft = createDraft;
        this.listProjects = listProjects;
        this.getProject = getProject;
        this.declareProject = declareProject;
        this.projectPage = projectPage;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/projects", Rule.of(Action.CREATE_DRAFT), this::create);
        table.add(router, HttpMethod.GET, "/api/projects", Rule.of(Action.VIEW_PROJECT), this::list);
        table.add(router, HttpMethod.GET, "/api/projects/:id", Rule.of(Action.VIEW_PROJECT), this::get);
        table.add(router, HttpMethod.POST, "/api/projects/:id/declare", Rule.of(Action.DECLARE),
                this::declare);
    }

    private void create(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectProfile profile = ProjectJson.profile(Bodies.requiredJson(ctx));
        CreateDraftCommand command = new CreateDraftCommand(profile);
        Blocking.call(ctx, () -> {
            ProjectId id = createDraft.createDraft(caller, command);
            return getProject.get(caller, id);
        }).onSuccess(details -> {
            String id = details.project().id().toString();
            ctx.response().putHeader("Location", "/api/projects/" + id);
            Replies.json(ctx, 201, new JsonObject().put("id", id)
                    .put("state", details.project().state().name())
                    .put("version", details.project().version()));
        }).onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ListProjectsQuery query = query(ctx.queryParams());
        // the same page for the same scope within a second is answered from memory (see ShortCache)
        String key = scopeKey(caller) + "|" + query;
        String cached = pages.get(key);
        if (cached != null) {
            Replies.raw(ctx, 200, cached);
            return;
        }
        long generation = ShortCache.generation();
        Blocking.call(ctx, () -> {
            var page = listProjects.list(caller, query);
            JsonArray items = new JsonArray();
            page.items().forEach(s -> items.add(ProjectJson.summary(s)));
            String json = new JsonObject().put("items", items).put("page", page.page())
                    .put("size", page.size()).put("total", page.total()).encode();
            pages.put(key, json, generation);
            return json;
        }).onSuccess(json -> Replies.raw(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** Everything that decides which projects a person sees (RULES.md §1). */
    private static String scopeKey(Caller caller) {
        var a = caller.actor();
        return a.role() + "|" + a.unit().code() + "|" + new java.util.TreeSet<>(a.assigned().stream()
                .map(Object::toString).toList());
    }

    private void get(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        Blocking.call(ctx, () -> projectPage.page(caller, id))
                .onSuccess((ProjectPage page) -> Replies.json(ctx, 200, ProjectJson.page(page)))
                .onFailure(ctx::fail);
    }

    private void declare(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        Long expectedVersion = JsonFields.of(Bodies.json(ctx)).optionalLong("expectedVersion");
        DeclareProjectCommand command = new DeclareProjectCommand(id, expectedVersion);
        Blocking.call(ctx, () -> declareProject.declare(caller, command))
                .onSuccess(result -> Replies.json(ctx, 200, ProjectJson.transition(result)))
                .onFailure(ctx::fail);
    }

    /** The searched text {@code q} (part of a name, or the beginning of a number), bounded; null when none. */
    static String searched(MultiMap params) {
        String q = QueryParams.text(params, "q");
        if (q != null && q.length() > ProjectListFilter.MAX_TEXT) {
            throw new BadRequestException("q", "搜索内容不能超过" + ProjectListFilter.MAX_TEXT + "个字",
                    "'q' must have at most " + ProjectListFilter.MAX_TEXT + " characters");
        }
        return q;
    }

    static ListProjectsQuery query(MultiMap params) {
        Optional<Integer> year = Optional.ofNullable(QueryParams.planYear(params, "year"));
        Optional<UnitId> unit = Optional.ofNullable(QueryParams.text(params, "unit")).map(text -> {
            try {
                return new UnitId(text);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("unit", e.getMessage(), "'unit' must be a unit code, got '"
                        + Texts.clip(text) + "'");
            }
        });
        Optional<ProjectState> state = Optional.ofNullable(QueryParams.text(params, "state"))
                .map(text -> JsonFields.parseEnum("state", text, ProjectState.class));
        Optional<Category> category = Optional.ofNullable(QueryParams.text(params, "category"))
                .map(text -> JsonFields.parseEnum("category", text, Category.class));
        Optional<String> text = Optional.ofNullable(searched(params));
        Integer page = QueryParams.page(params);
        Integer size = QueryParams.integer(params, "size", 1, 200);
        return new ListProjectsQuery(new ProjectListFilter(year, unit, state, category, text),
                page == null ? 1 : page, size == null ? 20 : size);
    }
}
