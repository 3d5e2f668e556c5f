package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateAccountUseCase;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.BadRequestException;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.Replies;
import cn.egov.projects.web.json.JsonFields;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/accounts} (system administrator only):
 * {@code {username, displayName, role, unit, mobile, email, password}} → 201 {@code {"userId"}}.
 */
public final class AccountRoutes {

    private final CreateAccountUseCase createAccount;

    public AccountRoutes(CreateAccountUseCase createAccount) {
        this.createAccount = createAccount;
    }

    public void mount(Router router) {
        router.post("/api/accounts").handler(this::create);
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
