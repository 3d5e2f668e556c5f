package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.AccountAdminUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.UnitUseCase;
import cn.egov.projects.application.view.AccountView;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.access.RouteTable;
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

/**
 * Accounts and units, kept by the system administrator: {@code POST /api/accounts}
 * {@code {username, displayName, role, unit, mobile, email, password}} → 201 {@code {"userId"}}; {@code GET
 * /api/accounts}; {@code PUT /api/accounts/:userId/enabled {enabled}}; {@code POST /api/units}. Every signed-in
 * person reads the units ({@code GET /api/units}).
 */
public final class AccountRoutes {

    private final CreateAccountUseCase createAccount;
    private final AccountAdminUseCase accountAdmin;
    private final UnitUseCase units;

    public AccountRoutes(CreateAccountUseCase createAccount, AccountAdminUseCase accountAdmin, UnitUseCase units) {
        this.createAccount = createAccount;
        this.accountAdmin = accountAdmin;
        this.units = units;
    }

    public void mount(Router router, RouteTable table) {
        Rule admin = Rule.of(Action.MANAGE_ACCOUNTS);
        table.add(router, HttpMethod.POST, "/api/accounts", admin, this::create);
        table.add(router, HttpMethod.GET, "/api/accounts", admin, this::list);
        table.add(router, HttpMethod.PUT, "/api/accounts/:userId/enabled", admin, this::enable);
        table.add(router, HttpMethod.GET, "/api/units", Rule.signedIn(), this::listUnits);
        table.add(router, HttpMethod.POST, "/api/units", admin, this::createUnit);
    }

    private void list(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> accountAdmin.listAccounts(caller)).onSuccess(accounts -> {
            JsonArray items = new JsonArray();
            for (AccountView a : accounts) {
                items.add(new JsonObject().put("userId", a.userId()).put("username", a.username())
                        .put("displayName", a.displayName()).put("role", a.role().name())
                        .put("roleZh", a.role().zh()).put("unit", a.unit() == null ? null : a.unit().code())
                        .put("mobile", a.mobile()).put("email", a.email()).put("enabled", a.enabled()));
            }
            Replies.json(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void enable(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        String userId = ctx.pathParam("userId");
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        if (!f.has("enabled")) {
            throw new BadRequestException("enabled", "「enabled」不能为空（true或false）", "'enabled' is required");
        }
        boolean enabled = f.bool("enabled", true);
        Blocking.call(ctx, () -> {
            accountAdmin.setEnabled(caller, userId, enabled);
            return null;
        }).onSuccess(v -> Replies.json(ctx, 200, new JsonObject().put("userId", userId).put("enabled", enabled)))
                .onFailure(ctx::fail);
    }

    private void listUnits(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        Blocking.call(ctx, () -> units.listUnits(caller)).onSuccess(all -> {
            JsonArray items = new JsonArray();
            for (Unit u : all) {
                items.add(new JsonObject().put("code", u.id().code()).put("nameZh", u.nameZh())
                        .put("kind", u.kind().name()).put("kindZh", u.kind().zh()));
            }
            Replies.json(ctx, 200, new JsonObject().put("items", items));
        }).onFailure(ctx::fail);
    }

    private void createUnit(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        CreateUnitCommand command = new CreateUnitCommand(f.optionalText("code"), f.optionalText("nameZh"),
                f.enumValue("kind", Unit.Kind.class));
        Blocking.call(ctx, () -> units.createUnit(caller, command)).onSuccess(u -> Replies.json(ctx, 201,
                new JsonObject().put("code", u.id().code()).put("nameZh", u.nameZh()).put("kind", u.kind().name())
                        .put("kindZh", u.kind().zh()))).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        Caller caller = Callers.of(ctx);
        JsonFields f = JsonFields.of(Bodies.requiredJson(ctx));
        String password = f.optionalText("password");
        CreateAccountCommand command = new CreateAccountCommand(f.optionalText("username"),
                f.optionalText("displayName"), f.enumValue("role", Role.class), unit(f),
                f.optionalText("mobile"), f.optionalText("email"),
                password == null ? null : password.toCharArray());
        Blocking.call(ctx, () -> createAccount.createAccount(caller, command))
                .onSuccess(userId -> Replies.json(ctx, 201, new JsonObject().put("userId", userId)))
                .onFailure(ctx::fail);
    }

    static UnitId unit(JsonFields f) {
        String text = f.text("unit");
        try {
            return new UnitId(text.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(f.path("unit"), e.getMessage(),
                    "'unit' must be a unit code of 1 to 40 letters, digits, '-' or '_'");
        }
    }
}
