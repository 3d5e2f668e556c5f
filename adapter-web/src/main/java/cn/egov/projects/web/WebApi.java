package cn.egov.projects.web;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.web.access.Guard;
import cn.egov.projects.web.access.RouteTable;
import cn.egov.projects.web.access.Rule;
import cn.egov.projects.web.auth.AccessRevisions;
import cn.egov.projects.web.auth.BasicAuthenticator;
import cn.egov.projects.web.auth.CredentialCache;
import cn.egov.projects.web.auth.DatabaseSessionStore;
import cn.egov.projects.web.auth.PasswordChangeGate;
import cn.egov.projects.web.auth.Sessions;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.http.ApiErrors;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.http.ClientOrigin;
import cn.egov.projects.web.http.ExactJson;
import cn.egov.projects.web.http.JsonOnly;
import cn.egov.projects.web.http.RequestIds;
import cn.egov.projects.web.http.SecurityHeaders;
import cn.egov.projects.web.http.UnreadBodies;
import cn.egov.projects.web.idempotency.IdempotencyKeys;
import cn.egov.projects.web.routes.AccountRoutes;
import cn.egov.projects.web.routes.PersonalDataRoutes;
import cn.egov.projects.web.routes.ActionRoutes;
import cn.egov.projects.web.routes.AssignmentRoutes;
import cn.egov.projects.web.routes.ExpertRoutes;
import cn.egov.projects.web.routes.CalculatorRoutes;
import cn.egov.projects.web.routes.DeadLetterRoutes;
import cn.egov.projects.web.routes.DeclarationWindowRoutes;
import cn.egov.projects.web.routes.DocumentRoutes;
import cn.egov.projects.web.routes.DuplicateCheckRoutes;
import cn.egov.projects.web.routes.ExportRoutes;
import cn.egov.projects.web.routes.HealthRoutes;
import cn.egov.projects.web.routes.LifecycleUseCases;
import cn.egov.projects.web.routes.OpenApiRoutes;
import cn.egov.projects.web.routes.PasswordRoutes;
import cn.egov.projects.web.routes.PerformanceRoutes;
import cn.egov.projects.web.routes.PlanRoutes;
import cn.egov.projects.web.routes.ProjectRoutes;
import cn.egov.projects.web.routes.ResourceCatalogueRoutes;
import cn.egov.projects.web.routes.SessionRoutes;
import cn.egov.projects.web.routes.StatisticsRoutes;
import cn.egov.projects.web.routes.WorkplaceRoutes;
import cn.egov.projects.web.routes.WorkplaceUseCases;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.WebSessionPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The application's router: the JSON API, the calendar feeds and the staff's pages. Every request gets a request id
 * and the security headers. Under {@code /api}: JSON bodies only (multipart for uploads), the browser session (idle
 * timeout {@link #SESSION_TIMEOUT}) or HTTP Basic credentials, then the central access {@link Guard} (every route
 * is in the {@link RouteTable} with its rule; anything else is denied), the body (at most {@link #BODY_LIMIT} of
 * JSON, read off the event loop when large), and {@code Idempotency-Key}s. An upload's body is read only after the
 * caller is authenticated, the guard has admitted the route and the use case the project
 * ({@link DocumentRoutes#admission}); until then it is held unread. One failure handler answers every error. First of
 * all, every request gets its origin: the client's address and scheme, forwarded headers believed only from trusted
 * proxies ({@link ClientOrigin}).
 *
 * <p>Given a {@link WebSessionPort}, the sessions are kept in the database ({@link DatabaseSessionStore}) and, with
 * shared {@link AccessRevisions}, the revisions are read from it every {@link AccessRevisions#SYNC_EVERY}: then any
 * number of instances behind a load balancer serve the same people. {@code GET /ready} tells the balancer whether to
 * send requests here; it answers 503 from the moment {@link #drain()} is called (the start of a graceful shutdown).
 */
public final class WebApi {

    /** The largest JSON body accepted (1 MiB); larger → 413. */
    public static final long BODY_LIMIT = 1024 * 1024;

    /** How long a verified {@code Authorization} header is trusted without checking the password again. */
    public static final Duration CREDENTIAL_TTL = Duration.ofMinutes(5);

    /** A browser session ends after this long without a request. */
    public static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);

    public static final String SESSION_COOKIE = Sessions.COOKIE;

    /** The real time, for a web API made without the application's clock. */
    private static final ClockPort REAL_TIME = java.time.Instant::now;

    private final UseCases useCases;
    private final LifecycleUseCases lifecycle;
    private final WorkplaceUseCases workplace;
    private final WebSettings settings;
    private final BooleanSupplier ready;
    private final CredentialCache credentials;
    private final AccessRevisions revisions;
    private final WebSessionPort sessionPort;
    private final ClockPort clock;
    private final AtomicBoolean draining = new AtomicBoolean();
    private RouteTable table = new RouteTable();
    private cn.egov.projects.application.port.in.BackupUseCase backups;
    private AccountSecurityUseCases accountSecurity = AccountSecurityUseCases.NONE;
    private java.util.function.Supplier<PolicyPack> packInForce = PolicyPacks::taicang;
    private cn.egov.projects.application.port.in.MessageCentreUseCase messageCentre;

    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

    /**
     * @param ready     whether the application can serve (e.g. its database answers); asked on a worker thread
     * @param revisions told by the services when an account's access changes (the same instance they were given)
     */
    public WebApi(UseCases useCases, LifecycleUseCases lifecycle, WorkplaceUseCases workplace, WebSettings settings,
                  BooleanSupplier ready, AccessRevisions revisions) {
        this(useCases, lifecycle, workplace, settings, ready, revisions, null);
    }

    /**
     * @param sessions where the browser sessions are kept, shared by every instance; null: in this process's memory
     */
    public WebApi(UseCases useCases, LifecycleUseCases lifecycle, WorkplaceUseCases workplace, WebSettings settings,
                  BooleanSupplier ready, AccessRevisions revisions, WebSessionPort sessions) {
        this(useCases, lifecycle, workplace, settings, ready, revisions, sessions, REAL_TIME);
    }

    /**
     * @param clock the application's clock (the use cases' own): the exports' "today" and the calendar feeds' stamp
     *              follow it, and {@code /health} and the pages say when it is a simulated one ({@code EGOV_CLOCK})
     */
    public WebApi(UseCases useCases, LifecycleUseCases lifecycle, WorkplaceUseCases workplace, WebSettings settings,
                  BooleanSupplier ready, AccessRevisions revisions, WebSessionPort sessions, ClockPort clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionPort = sessions;
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.workplace = Objects.requireNonNull(workplace, "workplace");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
        this.credentials = new CredentialCache(CREDENTIAL_TTL, 10_000, revisions);
    }

    /**
     * Lets the system administrator back the database up online ({@code POST /api/backups}); without it that route
     * answers 503.
     */
    public WebApi withBackups(cn.egov.projects.application.port.in.BackupUseCase backups) {
        this.backups = backups;
        return this;
    }

    /**
     * The password policy's changes, the session limits and the export limits this API applies (without: none of
     * them, for tests of other things).
     */
    public WebApi withAccountSecurity(AccountSecurityUseCases accountSecurity) {
        this.accountSecurity = Objects.requireNonNull(accountSecurity, "accountSecurity");
        return this;
    }

    /**
     * The pack in force, whose numbering the API's own refusals and listings cite (a role refused by the route
     * table, {@code /api/actions}, the statistics); without: Taicang's, the default pack.
     */
    public WebApi withPolicy(PolicyPack pack) {
        Objects.requireNonNull(pack, "pack");
        this.packInForce = () -> pack;
        return this;
    }

    /**
     * The pack in force at the moment of each request (the application's clock's day): the API's own refusals and
     * listings cite it, and the pages read it from {@code GET /api/policy}, so that a pack that takes effect later is
     * followed from its first day without a restart.
     */
    public WebApi withPolicies(java.util.function.Supplier<PolicyPack> packInForce) {
        this.packInForce = Objects.requireNonNull(packInForce, "packInForce");
        return this;
    }

    /** The message centre (消息中心) of every signed-in person; without it every inbox is empty. */
    public WebApi withMessageCentre(cn.egov.projects.application.port.in.MessageCentreUseCase messageCentre) {
        this.messageCentre = messageCentre;
        return this;
    }

    public Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        RouteTable table = new RouteTable();
        this.table = table;
        // a signed-in person refused for their role: the security audit trail records it before the 403 goes out
        ApiErrors.RefusalListener refusals = (ctx, violation) -> Callers.actor(ctx).isEmpty()
                ? io.vertx.core.Future.succeededFuture()
                : Blocking.call(ctx, () -> {
                    workplace.securityEvents().refused(Callers.of(ctx), ctx.request().method() + " "
                            + ctx.request().path(), violation);
                    return (Void) null;
                }).otherwise(failure -> {
                    LOG.warn("a refusal could not be recorded in the security audit trail: {}", failure.toString());
                    return null;
                });
        ApiErrors errors = new ApiErrors(refusals);
        router.route().handler(new ClientOrigin(settings.trustedProxies())).handler(new RequestIds())
                .handler(new SecurityHeaders()).failureHandler(errors);
        router.route().handler(new UnreadBodies());
        for (int status : new int[]{400, 404, 405, 413, 415, 500}) {
            router.errorHandler(status, errors.forStatus(status));
        }

        Guard guard = new Guard(table, refusals, packInForce);
        JsonOnly jsonOnly = new JsonOnly();
        BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        BodyHandler uploadBody = BodyHandler.create(settings.uploadsDir().toString())
                .setBodyLimit(settings.documents().maxBytes() + 256 * 1024)
                .setDeleteUploadedFilesOnEnd(true)
                // the form's fields are read as form attributes: merging them into the query's parameters would
                // decode the query at the end of the body, where a malformed one fails without an answer
                .setMergeFormAttributes(false);
        // one session store; the cookie is Secure when forced by the settings or when the client used HTTPS
        SessionStore store = sessionPort == null ? LocalSessionStore.create(vertx)
                : DatabaseSessionStore.create(vertx, sessionPort);
        if (revisions.isShared()) {
            syncRevisions(vertx);
        }
        SessionHandler plainSessions = sessions(store, settings.secureCookies());
        SessionHandler secureSessions = sessions(store, true);
        DocumentRoutes documents = new DocumentRoutes(workplace.documents());
        Handler<RoutingContext> uploadAdmission = documents.admission();
        Handler<RoutingContext> uploadBodyWatched = DocumentRoutes.body(uploadBody);
        Handler<RoutingContext> largeJson = ExactJson.largeBodiesOffTheEventLoop();
        // one handler per route: Vert.x orders handlers of a single route by kind, these must run in this order
        router.route("/api/*").handler(ctx -> {
            SessionHandler handler = ClientOrigin.of(ctx).https() ? secureSessions : plainSessions;
            Sessions.servedBy(ctx, handler);
            handler.handle(ctx);
        });
        router.route("/api/*").handler(ctx -> {
            if (DocumentRoutes.isUpload(ctx)) {
                // held unread until admitted: nothing of an upload is stored before its caller may make it
                DocumentRoutes.hold(ctx);
                ctx.next();
            } else {
                jsonOnly.handle(ctx);
            }
        });
        // a JSON body (at most 1 MiB) is read before the (asynchronous) password check; GET, HEAD and OPTIONS have none
        // (one that carries a body was refused by UnreadBodies)
        router.route("/api/*").handler(ctx -> onlyFor(ctx, false, readsBody(ctx) ? jsonBody : RoutingContext::next));
        router.route("/api/*").handler(new BasicAuthenticator(workplace.signIn(), useCases.authenticate(), credentials,
                revisions, workplace.secondFactor(), clock));
        router.route("/api/*").handler(guard);
        // a password that must be changed first: nothing else until it is
        router.route("/api/*").handler(new PasswordChangeGate(accountSecurity.passwords()));
        router.route("/api/*").handler(ctx -> onlyFor(ctx, true, uploadAdmission));
        router.route("/api/*").handler(ctx -> onlyFor(ctx, true, uploadBodyWatched));
        router.route("/api/*").handler(ctx -> onlyFor(ctx, true, DocumentRoutes::bodyRead));
        router.route("/api/*").handler(ctx -> onlyFor(ctx, false, largeJson));
        router.route("/api/*").handler(new IdempotencyKeys(workplace.idempotency()));
        router.route().handler(guard);

        new HealthRoutes(ready, draining::get, clock).mount(router, table);
        new OpenApiRoutes().mount(router, table);
        new CalculatorRoutes(useCases.computeDeadline()).mount(router, table);
        new cn.egov.projects.web.routes.PolicyRoutes(packInForce).mount(router, table);
        new SessionRoutes(workplace.signIn(), revisions, workplace.secondFactor(), accountSecurity.sessionLimits())
                .mount(router, table);
        new cn.egov.projects.web.routes.SecondFactorRoutes(workplace.secondFactor(), workplace.securityPolicy(),
                accountSecurity.policy() == null ? null : accountSecurity.policy()
                        .withSessionIdleMinutes((int) SESSION_TIMEOUT.toMinutes()))
                .mount(router, table);
        new PasswordRoutes(accountSecurity.passwords()).mount(router, table);
        new AccountRoutes(useCases.createAccount(), workplace.accountAdmin(), workplace.units()).mount(router, table);
        new PersonalDataRoutes(workplace.personalData()).mount(router, table);
        new cn.egov.projects.web.routes.ClearanceRoutes(workplace.clearances()).mount(router, table);
        new ProjectRoutes(useCases.createDraft(), useCases.listProjects(), useCases.getProject(),
                useCases.declareProject(), workplace.projectPage()).mount(router, table);
        new ActionRoutes(lifecycle, packInForce).stepUp(new cn.egov.projects.web.routes.StepUpCheck(workplace.securityPolicy(),
                workplace.secondFactor())).mount(router, table);
        new AssignmentRoutes(workplace.assignments()).mount(router, table);
        new ResourceCatalogueRoutes(workplace.resourceCatalogue()).mount(router, table);
        new DuplicateCheckRoutes(workplace.similarProjects(), workplace.reuseOpinions()).mount(router, table);
        new ExpertRoutes(workplace.expertPool(), workplace.expertReviews()).mount(router, table);
        new PlanRoutes(lifecycle.issuePlan()).mount(router, table);
        documents.mount(router, table);
        new DeclarationWindowRoutes(useCases.openDeclarationWindow()).mount(router, table);
        new DeadLetterRoutes(useCases.deadLetters()).mount(router, table);
        new cn.egov.projects.web.routes.BackupRoutes(backups).mount(router, table);
        new cn.egov.projects.web.routes.MessageCentreRoutes(messageCentre == null
                ? cn.egov.projects.web.routes.MessageCentreRoutes.EMPTY : messageCentre).mount(router, table);
        new WorkplaceRoutes(workplace.myDeadlines(), workplace.compliance(), workplace.auditSearch(),
                workplace.securityAudit(), clock).filteredBy(useCases.listProjects())
                .mount(router, table);
        new ExportRoutes(workplace.annualPlan(), workplace.myDeadlines(), workplace.calendarFeed(),
                clock, workplace.performance()).recordedBy(workplace.securityEvents())
                .limitedBy(accountSecurity.exportLimits()).namedBy(workplace.units())
                .filteredBy(useCases.listProjects()).mount(router, table);
        new cn.egov.projects.web.routes.ProjectRecordRoutes(workplace.projectPage(), useCases.listProjects(),
                workplace.units(), workplace.securityEvents(), accountSecurity.exportLimits(), clock)
                .withAuditTrail(workplace.auditSearch()).mount(router, table);
        new cn.egov.projects.web.routes.ListExportRoutes(workplace.myDeadlines(), workplace.accountAdmin(),
                workplace.auditSearch(), workplace.clearances(), workplace.units(), workplace.securityEvents(),
                accountSecurity.exportLimits(), clock).withCompliance(workplace.compliance())
                .withExperts(workplace.expertPool())
                .withMessages(messageCentre == null ? cn.egov.projects.web.routes.MessageCentreRoutes.EMPTY
                        : messageCentre).mount(router, table);
        new PerformanceRoutes(workplace.performance(), workplace.grading()).mount(router, table);
        new StatisticsRoutes(workplace.statistics(), workplace.units(), clock, workplace.securityEvents(),
                accountSecurity.exportLimits(), packInForce)
                .mount(router, table);
        // the pages' third-party scripts (Apache ECharts), from the application's own jars: no CDN, so that the
        // pages work in a government network without internet; versioned paths, so cached for a day
        table.add(router, HttpMethod.GET, "/webjars/*", Rule.open(), StaticHandler.create("META-INF/resources/webjars")
                .setCachingEnabled(true).setMaxAgeSeconds(86_400).setDirectoryListing(false)
                .setDefaultContentEncoding("UTF-8"));
        // the short link in reminders (e-mail and SMS) to a project: its page, once signed in
        table.add(router, HttpMethod.GET, "/projects/:id", Rule.open(), WebApi::projectLink);
        table.add(router, HttpMethod.GET, "/*", Rule.open(), StaticHandler.create("webroot")
                .setIndexPage("index.html").setCachingEnabled(false).setDefaultContentEncoding("UTF-8"));
        return router;
    }

    /** Whether the request's method carries a body the API reads (not GET, HEAD or OPTIONS: theirs is dropped). */
    private static boolean readsBody(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
    }

    /** Runs the handler for uploads only, or for every other request only; the rest pass on. */
    private static void onlyFor(RoutingContext ctx, boolean uploads, Handler<RoutingContext> handler) {
        if (DocumentRoutes.isUpload(ctx) == uploads) {
            handler.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /**
     * {@code GET /projects/{id}}, the link a reminder carries: 302 to the project's page ({@code project.html?id=…}),
     * which asks the person to sign in first; anything but a project number is 404.
     */
    private static void projectLink(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (id == null || !PROJECT_ID.matcher(id).matches()) {
            ctx.fail(404);
            return;
        }
        ctx.response().setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, "/project.html?id=" + id.toLowerCase(Locale.ROOT))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }

    private static final Pattern PROJECT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Reads the access changes made through other instances, one read at a time, on a worker thread. */
    private void syncRevisions(Vertx vertx) {
        AtomicBoolean running = new AtomicBoolean();
        vertx.setPeriodic(AccessRevisions.SYNC_EVERY.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                vertx.executeBlocking(() -> {
                    revisions.sync();
                    return null;
                }, false).onComplete(done -> {
                    running.set(false);
                    if (done.failed()) {
                        LOG.warn("reading the access changes of other instances failed: {}",
                                done.cause().getMessage());
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // Vert.x is closing: its worker pool is gone before its timers; there is nothing left to keep in step
                running.set(false);
                vertx.cancelTimer(id);
            }
        });
    }

    /** From now on {@code GET /ready} answers 503, so that the load balancer sends no more requests here. */
    public void drain() {
        draining.set(true);
    }

    private static SessionHandler sessions(SessionStore store, boolean secure) {
        return SessionHandler.create(store)
                .setSessionCookieName(SESSION_COOKIE)
                .setSessionTimeout(SESSION_TIMEOUT.toMillis())
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieSecureFlag(secure)
                .setNagHttps(false)
                .setLazySession(true);
    }

    /** Every route of the router built last, with its access rule. */
    public RouteTable routeTable() {
        return table;
    }
}
