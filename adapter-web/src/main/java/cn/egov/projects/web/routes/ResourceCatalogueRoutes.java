package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RegisterResourceCommand;
import cn.egov.projects.application.port.in.RemoveResourceCommand;
import cn.egov.projects.application.port.in.ResourceCatalogueUseCase;
import cn.egov.projects.application.port.in.ResourceFields;
import cn.egov.projects.application.port.in.ReviseResourceCommand;
import cn.egov.projects.application.view.ResourceCatalogueView;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.Openness;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceKind;
import cn.egov.projects.domain.resource.SharingType;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import cn.egov.projects.web.json.ResourceJson;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * A project's information-resource catalogue (资源目录, Art. 6, 23): {@code GET /api/projects/:id/resources} reads it
 * (whoever may see the project); {@code POST} registers a resource (201), {@code PUT …/resources/:resourceId}
 * rewrites one and {@code DELETE} the same removes it (the project's unit, while the project has not ended). Each
 * change answers the catalogue as it now stands; a body's or the query's {@code expectedVersion} is checked against
 * the catalogue's version (409 when it moved on).
 */
public final class ResourceCatalogueRoutes {

    private final ResourceCatalogueUseCase catalogues;

    public ResourceCatalogueRoutes(ResourceCatalogueUseCase catalogues) {
        this.catalogues = catalogues;
    }

    public void mount(Router router, RouteTable table) {
        Rule manage = Rule.of(Action.MANAGE_RESOURCE_CATALOGUE);
        table.add(router, HttpMethod.GET, "/api/projects/:id/resources", Rule.of(Action.VIEW_PROJECT), this::read);
        table.add(router, HttpMethod.POST, "/api/projects/:id/resources", manage, this::register);
        table.add(router, HttpMethod.PUT, "/api/projects/:id/resources/:resourceId", manage, this::revise);
        table.add(router, HttpMethod.DELETE, "/api/projects/:id/resources/:resourceId", manage, this::remove);
    }

    private void read(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        answer(ctx, 200, () -> catalogues.catalogue(caller, id));
    }

    private void register(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        RegisterResourceCommand command = new RegisterResourceCommand(id, description(f), f.optionalLong("expectedVersion"));
        answer(ctx, 201, () -> catalogues.register(caller, command));
    }

    private void revise(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        UUID resource = resourceId(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        ReviseResourceCommand command = new ReviseResourceCommand(id, resource, description(f),
                f.optionalLong("expectedVersion"));
        answer(ctx, 200, () -> catalogues.revise(caller, command));
    }

    private void remove(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        ProjectId id = Bodies.projectId(ctx);
        UUID resource = resourceId(ctx);
        Integer expected = QueryParams.integer(ctx.queryParams(), "expectedVersion", 0, Integer.MAX_VALUE);
        RemoveResourceCommand command = new RemoveResourceCommand(id, resource,
                expected == null ? null : expected.longValue());
        answer(ctx, 200, () -> catalogues.remove(caller, command));
    }

    private static void answer(RoutingContext ctx, int status, Callable<ResourceCatalogueView> work) {
        Blocking.call(ctx, work).onSuccess(view -> Replies.json(ctx, status, ResourceJson.catalogue(view)))
                .onFailure(ctx::fail);
    }

    /** What the body says of the resource; the domain names a field it cannot keep. */
    private static ResourceDescription description(JsonFields f) {
        return ResourceFields.description(f.optionalText("name"), f.optionalEnum("kind", ResourceKind.class),
                f.optionalText("ownerUnit"), f.optionalText("description"),
                f.optionalEnum("sharing", SharingType.class), f.optionalText("sharingCondition"),
                f.optionalEnum("openness", Openness.class));
    }

    private static UUID resourceId(RoutingContext ctx) {
        try {
            return UUID.fromString(ctx.pathParam("resourceId"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("resourceId", "资源编号格式不正确", "the resource id must be a UUID");
        }
    }
}
