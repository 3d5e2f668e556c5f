package cn.egov.projects.web;

import cn.egov.projects.web.auth.BasicAuthenticator;
import cn.egov.projects.web.auth.CredentialCache;
import cn.egov.projects.web.http.ApiErrors;
import cn.egov.projects.web.http.JsonOnly;
import cn.egov.projects.web.http.RequestIds;
import cn.egov.projects.web.http.SecurityHeaders;
import cn.egov.projects.web.routes.AccountRoutes;
import cn.egov.projects.web.routes.CalculatorRoutes;
import cn.egov.projects.web.routes.DeclarationWindowRoutes;
import cn.egov.projects.web.routes.HealthRoutes;
import cn.egov.projects.web.routes.ProjectRoutes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The JSON API's router. Every request gets a request id and the security headers; {@code /health} and the
 * deadline calculator are public; everything else under {@code /api} reads a JSON body of at most
 * {@link #BODY_LIMIT} bytes and needs HTTP Basic credentials. One failure handler answers every error.
 */
public final class WebApi {

    /** The largest JSON body accepted (1 MiB); larger → 413. */
    public static final long BODY_LIMIT = 1024 * 1024;

    /** How long a verified {@code Authorization} header is trusted without checking the password again. */
    public static final Duration CREDENTIAL_TTL = Duration.ofMinutes(5);

    private final UseCases useCases;
    private final BooleanSupplier ready;
    private final CredentialCache credentials;

    /** @param ready whether the application can serve (e.g. its database answers); asked on a worker thread */
    public WebApi(UseCases useCases, BooleanSupplier ready) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.credentials = new CredentialCache(CREDENTIAL_TTL, 10_000);
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        ApiErrors errors = new ApiErrors();
        router.route().handler(new RequestIds()).handler(new SecurityHeaders()).failureHandler(errors);
        for (int status : new int[]{400, 404, 405, 413, 415, 500}) {
            router.errorHandler(status, errors);
        }

        new HealthRoutes(ready).mount(router);
        new CalculatorRoutes(useCases.computeDeadline()).mount(router);

        router.route("/api/*")
                .handler(new JsonOnly())
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(new BasicAuthenticator(useCases.authenticate(), credentials));
        new AccountRoutes(useCases.createAccount()).mount(router);
        new ProjectRoutes(useCases.createDraft(), useCases.listProjects(), useCases.getProject(),
                useCases.declareProject()).mount(router);
        new DeclarationWindowRoutes(useCases.openDeclarationWindow()).mount(router);
        return router;
    }
}
