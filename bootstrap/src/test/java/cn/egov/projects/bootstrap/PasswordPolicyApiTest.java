package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.web.WebServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 身份鉴别 through the real application on an embedded H2 database, over HTTP: the password that must be changed at
 * the first sign-in (session and HTTP Basic), expiry after 90 days and disabling after 90 days unused on the
 * application's clock, one session per administrator and a limit for others (sessions in the database), and the
 * export rate limit.
 */
@DisplayName("身份鉴别：首次登录改密、90天过期、90天未用停用、三员单会话、导出限流")
class PasswordPolicyApiTest {

    private static final String ADMIN_PASSWORD = "Security-Admin-2024";
    private static final String OWN = "Own-Choice-2024";
    /** The security administrator's password once changed on day 45. */
    private static final String ADMIN_LATER = "Security-Admin-2025";

    @TempDir
    Path home;

    private final StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20));
    private Application application;
    private WebServer server;
    private String base;

    @BeforeEach
    void start() {
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--uploads-dir", home.resolve("uploads").toString()), Map.of("EGOV_EXPORT_LIMIT", "3"));
        application = Application.open(settings, clock);
        server = WebServer.start(application.webApi(), 0);
        base = "http://localhost:" + server.port();
        String secadmin = application.accounts().createAccount(null, new CreateAccountCommand("secadmin", "安全保密管理员",
                Role.SECURITY_ADMIN, new UnitId("TC-DSJ"), null, null, ADMIN_PASSWORD.toCharArray()));
        // the administrators sign in with a one-time code too, enrolled as create-admin does
        var otp = application.web().workplace().secondFactor().enrolByOperator(secadmin,
                cn.egov.projects.application.view.OtpAlgorithm.SM3, "test");
        codes.put("secadmin", new OneTimeCodes.Secret(otp.secretBase32(), otp.algorithm().name()));
    }

    /** The one-time-code secrets of the accounts that have a second factor (the security administrator). */
    private final OneTimeCodes codes = new OneTimeCodes();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
    }

    /** A browser: its own cookies, and the CSRF token of its session. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf;

        HttpResponse<String> signIn(String username, String password) throws Exception {
            HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(base + "/api/session"))
                    .header("Content-Type", "application/json").POST(body(new JsonObject().put("username", username)
                            .put("password", password).put("code", codes.fresh(username)))));
            if (r.statusCode() == 200) {
                csrf = new JsonObject(r.body()).getString("csrfToken");
            }
            return r;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(http, HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        HttpResponse<String> put(String path, JsonObject json) throws Exception {
            return send(http, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf == null ? "-" : csrf).PUT(body(json)));
        }
    }

    private static HttpRequest.BodyPublisher body(JsonObject json) {
        return HttpRequest.BodyPublishers.ofString(json.encode(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Requested-With", "test").timeout(Duration.ofSeconds(180)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request with HTTP Basic credentials (no cookies). */
    private HttpResponse<String> basic(String method, String path, String user, String password, JsonObject json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", AccountsForTests.basic(user, password));
        if (codes.has(user)) {
            request.header("X-Egov-OTP", codes.fresh(user));
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, body(json));
        }
        return send(HttpClient.newHttpClient(), request);
    }

    private static String code(HttpResponse<String> response) {
        return new JsonObject(response.body()).getString("code");
    }

    /** The security administrator creates an account with a first password of theirs, over the API. */
    private void create(String username, Role role, String unit) throws Exception {
        HttpResponse<String> created = basic("POST", "/api/accounts", "secadmin", ADMIN_PASSWORD, new JsonObject()
                .put("username", username).put("displayName", username + "的姓名").put("role", role.name())
                .put("unit", unit).put("password", AccountsForTests.INITIAL));
        assertThat(created.statusCode()).as(created::body).isEqualTo(201);
    }

    @Test
    @DisplayName("密码到期的管理员：先输入动态口令完成登录，然后才被要求修改密码；改密前其他请求403，改密后恢复")
    void anAdministratorGivesTheCodeFirstThenChangesTheDuePassword() throws Exception {
        // signed in on day 45 (not unused for 90 days on day 91), with the password of day 0 (90 days old by then)
        clock.set(LocalDate.of(2024, 8, 20).plusDays(45));
        assertThat(new Browser().signIn("secadmin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        clock.set(LocalDate.of(2024, 8, 20).plusDays(91));
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> password = send(http, HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(body(new JsonObject().put("username", "secadmin")
                        .put("password", ADMIN_PASSWORD))));
        assertThat(password.statusCode()).as(password::body).isEqualTo(401);
        assertThat(code(password)).isEqualTo("AUTH_SECOND_FACTOR_REQUIRED");
        String csrf = new JsonObject(password.body()).getString("csrfToken");
        HttpResponse<String> withCode = send(http, HttpRequest.newBuilder(URI.create(base + "/api/session/code"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(body(new JsonObject().put("code", codes.fresh("secadmin")))));
        assertThat(withCode.statusCode()).as(withCode::body).isEqualTo(200);
        JsonObject signedIn = new JsonObject(withCode.body());
        assertThat(signedIn.getBoolean("passwordChangeRequired")).isTrue();
        String token = signedIn.getString("csrfToken");
        HttpResponse<String> accounts = send(http, HttpRequest.newBuilder(URI.create(base + "/api/accounts")).GET());
        assertThat(accounts.statusCode()).isEqualTo(403);
        assertThat(code(accounts)).isEqualTo("AUTH_PASSWORD_CHANGE_REQUIRED");
        HttpResponse<String> changed = send(http, HttpRequest.newBuilder(URI.create(base + "/api/me/password"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", token)
                .PUT(body(new JsonObject().put("currentPassword", ADMIN_PASSWORD).put("newPassword", ADMIN_LATER))));
        assertThat(changed.statusCode()).as(changed::body).isEqualTo(200);
        assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/api/accounts")).GET()).statusCode())
                .isEqualTo(200);
    }

    /** On day 45 the security administrator changes their own password (the first would expire on day 90). */
    private void day45AdministratorChangesPassword() throws Exception {
        clock.set(LocalDate.of(2024, 8, 20).plusDays(45));
        Browser admin = new Browser();
        assertThat(admin.signIn("secadmin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = admin.put("/api/me/password", new JsonObject()
                .put("currentPassword", ADMIN_PASSWORD).put("newPassword", ADMIN_LATER));
        assertThat(changed.statusCode()).as(changed::body).isEqualTo(200);
    }

    /** An account made and its password changed by its owner through the use cases (the test is not about that). */
    private void readyAccount(String username, Role role, String unit) {
        var accounts = application.accounts();
        var secadmin = new cn.egov.projects.application.port.in.Caller(accounts.authenticate("secadmin",
                ADMIN_PASSWORD.toCharArray()).orElseThrow(), "test", "-");
        AccountsForTests.ready(accounts, secadmin, new CreateAccountCommand(username, username + "的姓名", role,
                new UnitId(unit), null, null, OWN.toCharArray()));
    }

    @Test
    @DisplayName("管理员设置的密码：会话和HTTP Basic都能登录，但除改密码、查看和退出会话外一律403 AUTH_PASSWORD_CHANGE_REQUIRED；改后恢复")
    void firstSignInForcesAChange() throws Exception {
        create("police", Role.UNIT_STAFF, "TC-GAJ");

        HttpResponse<String> viaBasic = basic("GET", "/api/projects", "police", AccountsForTests.INITIAL, null);
        assertThat(viaBasic.statusCode()).as(viaBasic::body).isEqualTo(403);
        assertThat(code(viaBasic)).isEqualTo("AUTH_PASSWORD_CHANGE_REQUIRED");
        assertThat(new JsonObject(viaBasic.body()).getString("message"))
                .isEqualTo("该密码由管理员设置，首次登录须修改密码，修改密码后才能继续使用系统");

        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn("police", AccountsForTests.INITIAL);
        assertThat(signedIn.statusCode()).as(signedIn::body).isEqualTo(200);
        assertThat(new JsonObject(signedIn.body()).getBoolean("passwordChangeRequired")).isTrue();
        assertThat(new JsonObject(signedIn.body()).getString("passwordChangeReason")).isEqualTo("INITIAL");
        assertThat(new JsonObject(browser.get("/api/session").body()).getBoolean("passwordChangeRequired")).isTrue();
        HttpResponse<String> refused = browser.get("/api/projects");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("AUTH_PASSWORD_CHANGE_REQUIRED");

        HttpResponse<String> weak = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", AccountsForTests.INITIAL).put("newPassword", "only-lower-case"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(code(weak)).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(new JsonObject(weak.body()).getString("message")).contains("三类");
        HttpResponse<String> named = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", AccountsForTests.INITIAL).put("newPassword", "My-Police-2024"));
        assertThat(code(named)).isEqualTo("PASSWORD_CONTAINS_USERNAME");
        HttpResponse<String> same = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", AccountsForTests.INITIAL).put("newPassword", AccountsForTests.INITIAL));
        assertThat(code(same)).isEqualTo("PASSWORD_REUSED");
        HttpResponse<String> wrong = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", "Not-The-Current-1").put("newPassword", OWN));
        assertThat(code(wrong)).isEqualTo("PASSWORD_WRONG");

        HttpResponse<String> changed = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", AccountsForTests.INITIAL).put("newPassword", OWN));
        assertThat(changed.statusCode()).as(changed::body).isEqualTo(200);
        assertThat(browser.get("/api/projects").statusCode()).isEqualTo(200);
        assertThat(new JsonObject(browser.get("/api/session").body()).getBoolean("passwordChangeRequired")).isFalse();
        assertThat(basic("GET", "/api/projects", "police", AccountsForTests.INITIAL, null).statusCode())
                .isEqualTo(401);
        assertThat(basic("GET", "/api/projects", "police", OWN, null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("HTTP Basic调用者也只能改密码：改后旧凭据失效")
    void basicCallerChangesThePassword() throws Exception {
        create("health", Role.UNIT_STAFF, "TC-WJW");
        HttpResponse<String> changed = basic("PUT", "/api/me/password", "health", AccountsForTests.INITIAL,
                new JsonObject().put("currentPassword", AccountsForTests.INITIAL).put("newPassword", OWN));
        assertThat(changed.statusCode()).as(changed::body).isEqualTo(200);
        assertThat(basic("GET", "/api/projects", "health", OWN, null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("密码满90天（按应用时钟）登录后须先修改；管理员重置的密码下次登录须修改")
    void passwordsExpireAndResetsMustBeChanged() throws Exception {
        readyAccount("police", Role.UNIT_STAFF, "TC-GAJ");
        day45AdministratorChangesPassword();
        clock.set(LocalDate.of(2024, 8, 20).plusDays(89));
        assertThat(new JsonObject(new Browser().signIn("police", OWN).body())
                .getBoolean("passwordChangeRequired")).isFalse();
        clock.set(LocalDate.of(2024, 8, 20).plusDays(90));
        Browser browser = new Browser();
        JsonObject expired = new JsonObject(browser.signIn("police", OWN).body());
        assertThat(expired.getBoolean("passwordChangeRequired")).isTrue();
        assertThat(expired.getString("passwordChangeReason")).isEqualTo("EXPIRED");
        assertThat(expired.getString("passwordChangeMessage")).isEqualTo("密码已超过有效期，须修改密码");
        assertThat(browser.get("/api/exports/overdue.xlsx").statusCode()).isEqualTo(403);

        Browser admin = new Browser();
        assertThat(admin.signIn("secadmin", ADMIN_LATER).statusCode()).isEqualTo(200);
        String userId = expired.getString("userId");
        HttpResponse<String> reset = admin.put("/api/accounts/" + userId + "/password",
                new JsonObject().put("newPassword", "Reset-By-Admin-9"));
        assertThat(reset.statusCode()).as(reset::body).isEqualTo(200);
        JsonObject again = new JsonObject(new Browser().signIn("police", "Reset-By-Admin-9").body());
        assertThat(again.getString("passwordChangeReason")).isEqualTo("INITIAL");
    }

    @Test
    @DisplayName("登录后密码才到期：会话和记住的HTTP Basic凭据从到期那一刻起都须先修改密码，改后恢复")
    void aPasswordExpiringDuringUseMustBeChangedFromThen() throws Exception {
        readyAccount("police", Role.UNIT_STAFF, "TC-GAJ");
        day45AdministratorChangesPassword();
        clock.set(LocalDate.of(2024, 8, 20).plusDays(89));
        Browser browser = new Browser();
        assertThat(new JsonObject(browser.signIn("police", OWN).body()).getBoolean("passwordChangeRequired"))
                .isFalse();
        assertThat(browser.get("/api/projects").statusCode()).isEqualTo(200);
        // the Basic credential is verified now and remembered for minutes
        assertThat(basic("GET", "/api/projects", "police", OWN, null).statusCode()).isEqualTo(200);

        clock.set(LocalDate.of(2024, 8, 20).plusDays(90));
        HttpResponse<String> bySession = browser.get("/api/projects");
        assertThat(bySession.statusCode()).as(bySession::body).isEqualTo(403);
        assertThat(code(bySession)).isEqualTo("AUTH_PASSWORD_CHANGE_REQUIRED");
        assertThat(new JsonObject(bySession.body()).getString("reason")).isEqualTo("EXPIRED");
        HttpResponse<String> byBasic = basic("GET", "/api/projects", "police", OWN, null);
        assertThat(byBasic.statusCode()).as(byBasic::body).isEqualTo(403);
        assertThat(code(byBasic)).isEqualTo("AUTH_PASSWORD_CHANGE_REQUIRED");

        HttpResponse<String> changed = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", OWN).put("newPassword", "Renewed-Badge-2024"));
        assertThat(changed.statusCode()).as(changed::body).isEqualTo(200);
        assertThat(browser.get("/api/projects").statusCode()).isEqualTo(200);
        assertThat(basic("GET", "/api/projects", "police", "Renewed-Badge-2024", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("安全策略同时给出部署配置的身份鉴别策略（只读）：口令、锁定、会话、导出限制")
    void theSecurityPolicyShowsTheAccountRulesInForce() throws Exception {
        HttpResponse<String> read = basic("GET", "/api/security-policy", "secadmin", ADMIN_PASSWORD, null);
        assertThat(read.statusCode()).as(read::body).isEqualTo(200);
        JsonObject accounts = new JsonObject(read.body()).getJsonObject("accounts");
        assertThat(accounts.getInteger("passwordMinLength")).isEqualTo(12);
        assertThat(accounts.getInteger("passwordMinClasses")).isEqualTo(3);
        assertThat(accounts.getInteger("passwordHistory")).isEqualTo(5);
        assertThat(accounts.getInteger("passwordMaxAgeDays")).isEqualTo(90);
        assertThat(accounts.getInteger("dormantDays")).isEqualTo(90);
        assertThat(accounts.getInteger("lockoutFailures")).isEqualTo(5);
        assertThat(accounts.getInteger("administratorSessions")).isEqualTo(1);
        assertThat(accounts.getInteger("otherSessions")).isEqualTo(3);
        assertThat(accounts.getInteger("sessionIdleMinutes")).isEqualTo(30);
        // this instance was started with EGOV_EXPORT_LIMIT=3
        assertThat(accounts.getInteger("exportsPerWindow")).isEqualTo(3);
        // read only: a change of the security policy leaves them as they are
        HttpResponse<String> changed = basic("PUT", "/api/security-policy", "secadmin", ADMIN_PASSWORD,
                new JsonObject().put("stepUpBdbApprovals", true).put("stepUpFinanceApprovals", false)
                        .put("stepUpMinutes", 5).put("accounts", new JsonObject().put("passwordMaxAgeDays", 999)));
        assertThat(changed.statusCode()).as(changed::body).isEqualTo(200);
        assertThat(new JsonObject(changed.body()).getJsonObject("accounts").getInteger("passwordMaxAgeDays"))
                .isEqualTo(90);
    }

    @Test
    @DisplayName("修改密码时当前密码连续输错5次：账号锁定（429 ACCOUNT_LOCKED），登录也被拒绝；记入审计")
    void wrongCurrentPasswordsLockTheAccount() throws Exception {
        readyAccount("police", Role.UNIT_STAFF, "TC-GAJ");
        Browser browser = new Browser();
        assertThat(browser.signIn("police", OWN).statusCode()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = browser.put("/api/me/password", new JsonObject()
                    .put("currentPassword", "Guessed-Pass-" + i).put("newPassword", "Taken-Over-2024"));
            assertThat(wrong.statusCode()).as(wrong::body).isEqualTo(400);
            assertThat(code(wrong)).isEqualTo("PASSWORD_WRONG");
        }
        HttpResponse<String> locked = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", "Guessed-Pass-5").put("newPassword", "Taken-Over-2024"));
        assertThat(locked.statusCode()).as(locked::body).isEqualTo(429);
        assertThat(code(locked)).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(locked.body()).getString("message")).contains("账号已锁定");

        HttpResponse<String> right = browser.put("/api/me/password", new JsonObject()
                .put("currentPassword", OWN).put("newPassword", "Taken-Over-2024"));
        assertThat(right.statusCode()).isEqualTo(429);
        HttpResponse<String> signIn = new Browser().signIn("police", OWN);
        assertThat(signIn.statusCode()).isEqualTo(429);
        assertThat(code(signIn)).isEqualTo("ACCOUNT_LOCKED");
        assertThat(basic("GET", "/api/projects", "police", "Taken-Over-2024", null).statusCode()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("90天未登录：密码错误只是普通失败，密码正确才告知已停用；每日任务同样停用；管理员重新启用后可登录")
    void dormantAccountsAreDisabled() throws Exception {
        create("police", Role.UNIT_STAFF, "TC-GAJ");
        create("health", Role.UNIT_STAFF, "TC-WJW");
        day45AdministratorChangesPassword();
        clock.set(LocalDate.of(2024, 8, 20).plusDays(91));

        HttpResponse<String> wrong = new Browser().signIn("police", "Wrong-Password-1");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(code(wrong)).isEqualTo("LOGIN_FAILED");
        HttpResponse<String> dormant = new Browser().signIn("police", AccountsForTests.INITIAL);
        assertThat(dormant.statusCode()).as(dormant::body).isEqualTo(403);
        assertThat(code(dormant)).isEqualTo("ACCOUNT_DORMANT");
        assertThat(new JsonObject(dormant.body()).getString("message")).isEqualTo("账号因长期未使用已停用，请联系管理员");
        HttpResponse<String> viaBasic = basic("GET", "/api/projects", "police", AccountsForTests.INITIAL, null);
        assertThat(code(viaBasic)).isEqualTo("ACCOUNT_DORMANT");

        // the daily sweep disables the other one, who has not tried
        assertThat(application.accounts().disableDormantAccounts()).isEqualTo(1);
        assertThat(code(new Browser().signIn("health", AccountsForTests.INITIAL))).isEqualTo("ACCOUNT_DORMANT");

        Browser admin = new Browser();
        assertThat(admin.signIn("secadmin", ADMIN_LATER).statusCode()).isEqualTo(200);
        JsonObject police = new JsonObject(admin.get("/api/accounts").body()).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(a -> a.getString("username").equals("police")).findFirst()
                .orElseThrow();
        assertThat(police.getBoolean("enabled")).isFalse();
        HttpResponse<String> enabled = admin.put("/api/accounts/" + police.getString("userId") + "/enabled",
                new JsonObject().put("enabled", true));
        assertThat(enabled.statusCode()).as(enabled::body).isEqualTo(200);
        assertThat(new Browser().signIn("police", AccountsForTests.INITIAL).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("三员一个账号只允许一个会话：新登录结束旧会话，旧会话下一次请求401并说明已在别处登录；其他账号最多3个")
    void sessionLimits() throws Exception {
        Browser first = new Browser();
        assertThat(first.signIn("secadmin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(first.get("/api/accounts").statusCode()).isEqualTo(200);
        Browser second = new Browser();
        assertThat(second.signIn("secadmin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> ended = first.get("/api/accounts");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(code(ended)).isEqualTo("SESSION_ENDED_SIGNED_IN_ELSEWHERE");
        assertThat(new JsonObject(ended.body()).getString("message")).startsWith("您的账号已在其他地方登录，本会话已结束");
        assertThat(second.get("/api/accounts").statusCode()).isEqualTo(200);
        // the ended browser may sign in again (which ends the other)
        assertThat(first.signIn("secadmin", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(first.get("/api/accounts").statusCode()).isEqualTo(200);
        assertThat(second.get("/api/accounts").statusCode()).isEqualTo(401);

        readyAccount("police", Role.UNIT_STAFF, "TC-GAJ");
        Browser[] browsers = new Browser[4];
        for (int i = 0; i < 4; i++) {
            browsers[i] = new Browser();
            assertThat(browsers[i].signIn("police", OWN).statusCode()).isEqualTo(200);
        }
        assertThat(code(browsers[0].get("/api/projects"))).isEqualTo("SESSION_ENDED_SIGNED_IN_ELSEWHERE");
        for (int i = 1; i < 4; i++) {
            assertThat(browsers[i].get("/api/projects").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("导出限流：每账号每10分钟N次（此处设为3），超出429并带Retry-After和中文说明")
    void exportsAreRateLimited() throws Exception {
        readyAccount("police", Role.UNIT_STAFF, "TC-GAJ");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> export = basic("GET", "/api/exports/overdue.xlsx", "police", OWN, null);
            assertThat(export.statusCode()).as(export::body).isEqualTo(200);
        }
        HttpResponse<String> refused = basic("GET", "/api/exports/overdue.xlsx", "police", OWN, null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(code(refused)).isEqualTo("TOO_MANY_EXPORTS");
        assertThat(new JsonObject(refused.body()).getString("message")).startsWith("导出过于频繁");
        long seconds = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(seconds).isBetween(1L, 600L);
    }
}
