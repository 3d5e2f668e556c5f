package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.OpenDeclarationWindowCommand;
import cn.egov.projects.application.port.in.OpenDeclarationWindowUseCase;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.json.JsonObject;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /api/declaration-windows} {@code {planYear, opensOn, closesOn}}: the Bureau opens a window (Art. 7). */
public final class DeclarationWindowRoutes {

    private final OpenDeclarationWindowUseCase openWindow;

    public DeclarationWindowRoutes(OpenDeclarationWindowUseCase openWindow) {
        this.openWindow = openWindow;
    }

    public void mount(Router router, RouteTable table) {
        table.add(router, HttpMethod.POST, "/api/declaration-windows", Rule.of(Action.OPEN_WINDOW),
                this::open);
    }

    private void open(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        OpenDeclarationWindowCommand command = new OpenDeclarationWindowCommand(f.integer("planYear"),
                f.date("opensOn"), f.date("closesOn"));
        Blocking.call(ctx, () -> {
            openWindow.openWindow(caller, command);
            return command;
        }).onSuccess(c -> Replies.json(ctx, 201, new JsonObject().put("planYear", c.planYear())
                .put("opensOn", c.opensOn().toString()).put("closesOn", c.closesOn().toString())))
                .onFailure(ctx::fail);
    }
}
