package cn.egov.projects.web;

import cn.egov.projects.application.account.SignInService;
import cn.egov.projects.application.account.SignInThrottle;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.web.routes.LifecycleUseCases;
import cn.egov.projects.web.routes.WorkplaceUseCases;
import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.auth.AccessRevisions;
import cn.egov.projects.domain.project.UnitId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real router on a random port, wired to the real application services over the in-memory fakes, with
 * accounts for an administrator, the Bureau and the staff of two units.
 */
@ExtendWith(VertxExtension.class)
abstract class ApiTestSupport {

    static final LocalDate TODAY = LocalDate.of(2024, 8, 15);
    static final String PASSWORD = "Correct-Horse-Battery";

    /** The largest upload the tests' server accepts. */
    static final long UPLOAD_LIMIT = 64 * 1024;

    protected FakeWorkplace workplace;
    protected FakeWorld world;
    protected WebApi api;
    protected WebClient client;
    /** The port the test's server listens on. */
    protected int port;
    protected final AtomicBoolean ready = new AtomicBoolean(true);
    protected final AtomicInteger passwordChecks = new AtomicInteger();
    /** The administrators, who sign in with a one-time code too. */
    static final Set<String> PRIVILEGED = Set.of("admin", "secadmin", "auditadmin");
    /** Each enrolled account's one-time-code secret (base32, HMAC-SM3), by username. */
    protected final java.util.Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void startServer(Vertx vertx) {
        workplace = new FakeWorkplace(TODAY, new DocumentRules(UPLOAD_LIMIT, Set.of("pdf", "txt", "docx")), pack());
        world = workplace.world;
        world.accountService.createAccount(null, account("admin", Role.ADMIN, "TC-DSJ"));
        world.accountService.createAccount(null, account("secadmin", Role.SECURITY_ADMIN, "TC-DSJ"));
        world.accountService.createAccount(null, account("auditadmin", Role.AUDIT_ADMIN, "TC-DSJ"));
        Caller admin = admin();
        // the three administrators sign in with a one-time code too: each enrolled as its owner would
        for (String privileged : PRIVILEGED) {
            secrets.put(privileged, workplace.enrolSecondFactor(new Caller(world.accountService
                    .authenticate(privileged, PASSWORD.toCharArray()).orElseThrow(), "setup", "-"), null));
        }
        world.accountService.createAccount(admin, account("police", Role.UNIT_STAFF, "TC-GAJ"));
        world.accountService.createAccount(admin, account("health", Role.UNIT_STAFF, "TC-WJW"));
        world.accountService.createAccount(admin, account("bureau", Role.BDB_OFFICER, "TC-DSJ"));
        AuthenticateUseCase counting = new AuthenticateUseCase() {
            @Override
            public Optional<Actor> authenticate(String username, char[] password) {
                passwordChecks.incrementAndGet();
                return world.accountService.authenticate(username, password);
            }

            @Override
            public Optional<Actor> current(String userId) {
                return world.accountService.current(userId);
            }
        };
        api = webApi(workplace, useCases(counting), ready::get);
        HttpServer server = await(vertx.createHttpServer(WebServer.options(WebServer.IDLE_TIMEOUT))
                .requestHandler(api.router(vertx))
                .listen(0));
        port = server.actualPort();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(port));
    }

    /** The policy pack the test's projects are judged by: Taicang's, unless a test says otherwise. */
    protected cn.egov.projects.domain.policy.PolicyPack pack() {
        return cn.egov.projects.domain.policy.PolicyPacks.taicang();
    }

    /** The administrator, signed in as the use cases take a caller. */
    /**
     * The security administrator, who grants every role (三员分立): the tests' accounts are made by them. The system
     * administrator ("admin") grants the ordinary roles only.
     */
    protected Caller admin() {
        return new Caller(world.accountService.authenticate("secadmin", PASSWORD.toCharArray()).orElseThrow(),
                "setup", "-");
    }

    /** The real router's API over the fakes of a working place. */
    static WebApi webApi(FakeWorkplace workplace, UseCases useCases, java.util.function.BooleanSupplier ready) {
        return webApi(workplace, useCases, ready, new WebSettings(false,
                new DocumentRules(UPLOAD_LIMIT, Set.of("pdf", "txt", "docx")), Path.of("target", "uploads")));
    }

    /**
     * The real router's API over the fakes of a working place, set up as given; sign-in checks passwords with the
     * use cases' {@code authenticate} (so that a test may count the checks) under the standard rate limits.
     */
    static WebApi webApi(FakeWorkplace workplace, UseCases useCases, java.util.function.BooleanSupplier ready,
                         WebSettings settings) {
        return webApi(workplace, useCases, ready, settings, new AccessRevisions(), null);
    }

    /** As above, with these revisions and sessions kept through this port (null: in memory). */
    static WebApi webApi(FakeWorkplace workplace, UseCases useCases, java.util.function.BooleanSupplier ready,
                         WebSettings settings, AccessRevisions revisions,
                         cn.egov.projects.application.port.out.WebSessionPort sessions) {
        FakeWorld world = workplace.world;
        workplace.accessListener = revisions;
        SignInThrottle throttle = new SignInThrottle(SignInThrottle.Limits.standard());
        SignInService signIn = new SignInService(useCases.authenticate(), workplace.loginAttempts, world.audit,
                world.clock, world.transactions, throttle, revisions, world.pack);
        return new WebApi(useCases,
                LifecycleUseCases.of(world.declarations, workplace.approvals, world.implementation, world.oversight,
                        world.acceptance),
                WorkplaceUseCases.of(signIn, workplace.pages, workplace.toDo, workplace.oversightReports,
                        workplace.calendarFeeds, workplace.idempotency, workplace.accountAdmin, world.unitService,
                        workplace.documents, workplace.assignments, workplace.securityAudit,
                        new cn.egov.projects.application.service.SecurityEventService(world.ports),
                        workplace.resourceCatalogue, workplace.similarProjects, workplace.reuseOpinions, world.performance,
                        workplace.experts, workplace.statistics, workplace.secondFactor(throttle, revisions),
                        new cn.egov.projects.application.service.PersonalDataService(world.ports, workplace.stores),
                        new cn.egov.projects.application.account.ClearanceService(world.accounts, world.accounts,
                                world.audit, world.clock, world.transactions, world.pack, revisions)),
                settings, ready, revisions, sessions, world.clock).withPolicy(world.pack);
    }

    /** The use cases behind the router; a test may replace one. */
    protected UseCases useCases(AuthenticateUseCase authenticate) {
        return new UseCases(world.calculator, authenticate, world.accountService, world.declarations, world.queries,
                world.queries, world.declarations, world.declarations);
    }

    static CreateAccountCommand account(String username, Role role, String unit) {
        return new CreateAccountCommand(username, username + "的姓名", role, new UnitId(unit), "13900000009",
                username + "@tc.gov.cn", PASSWORD.toCharArray());
    }

    HttpResponse<Buffer> get(String path, String user) {
        return await(as(client.get(path), user).send());
    }

    HttpResponse<Buffer> post(String path, String user, String json) {
        return await(as(client.post(path), user).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(json)));
    }

    HttpResponse<Buffer> post(String path, String user, JsonObject json) {
        return post(path, user, json.encode());
    }

    private HttpRequest<Buffer> as(HttpRequest<Buffer> request, String user) {
        return user == null ? request : authenticated(request, user);
    }

    /**
     * The request with the user's HTTP Basic credentials and, for an account with a second factor, a fresh one-time
     * code in {@code X-Egov-OTP} (the codes' clock moved on a step, so that no code is used twice).
     */
    protected HttpRequest<Buffer> authenticated(HttpRequest<Buffer> request, String user) {
        request.basicAuthentication(user, PASSWORD);
        String code = nextCode(user);
        if (code != null) {
            request.putHeader("X-Egov-OTP", code);
        }
        return request;
    }

    /** A fresh one-time code of the user's second factor, or null when the user has none. */
    protected String nextCode(String user) {
        String secret = secrets.get(user);
        return secret == null ? null : cn.egov.projects.application.fake.TotpCodes.at(secret,
                cn.egov.projects.application.view.OtpAlgorithm.SM3, workplace.otpClock.nextStep());
    }

    /** The body of {@code POST /api/session} for the user: with a fresh one-time code when the user has one. */
    protected JsonObject signInBody(String user) {
        JsonObject body = new JsonObject().put("username", user).put("password", PASSWORD);
        String code = nextCode(user);
        return code == null ? body : body.put("code", code);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    /** A complete profile: a new software project of 1,260,000.10 yuan with supervision budgeted. */
    static JsonObject profile(String name, int planYear) {
        return new JsonObject("""
                {"name": "%s", "planYear": %d, "category": "BUSINESS_SYSTEM", "nature": "NEW",
                 "softwareDevelopment": true, "funding": "MUNICIPAL", "classified": false, "usesCryptography": false,
                 "scopeItems": ["数据汇聚平台", "警情分析系统"], "performanceGoals": [{"indicator": "警情处置时间缩短比例", "kind": "BENEFIT", "target": "≥20%%"}],
                 "budgetLines": [{"item": "软件开发", "amount": "1200000.00", "supervision": false},
                                 {"item": "项目监理", "amount": "60000.10", "supervision": true}],
                 "people": {"leader": {"name": "王分管", "mobile": "13900000001", "email": "wang@tc.gov.cn"},
                            "responsible": {"name": "李责任", "mobile": "13900000002", "email": "li@tc.gov.cn"}}}
                """.formatted(name, planYear));
    }

    /** Creates a draft as the user and returns its id. */
    String createDraft(String user, String name) {
        HttpResponse<Buffer> created = post("/api/projects", user, profile(name, 2025));
        if (created.statusCode() != 201) {
            throw new AssertionError("draft not created: " + created.statusCode() + " " + created.bodyAsString());
        }
        return created.bodyAsJsonObject().getString("id");
    }
}
