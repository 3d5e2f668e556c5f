package cn.egov.projects.web.auth;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.web.http.ClientOrigin;
import cn.egov.projects.web.http.RequestIds;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** The authenticated person of a request, as the {@link Caller} the use cases take. */
public final class Callers {

    static final String ACTOR = "egov.actor";

    private Callers() {
    }

    /** The signed-in person of the request, if any. */
    public static Optional<Actor> actor(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(ACTOR));
    }

    /**
     * The caller of a request that passed {@link BasicAuthenticator} and the access guard, with the client's address
     * as {@link ClientOrigin} established it.
     */
    public static Caller of(RoutingContext ctx) {
        Actor actor = ctx.get(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("route reached without authentication: " + ctx.request().path());
        }
        return new Caller(actor, RequestIds.of(ctx), ClientOrigin.address(ctx));
    }
}
