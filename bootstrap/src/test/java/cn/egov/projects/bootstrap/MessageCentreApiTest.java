package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.view.PlannedReminder;
import cn.egov.projects.application.view.ReminderRecipient;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.reminder.Audience;
import cn.egov.projects.domain.reminder.Reminder;
import cn.egov.projects.web.WebServer;
import io.vertx.core.json.JsonArray;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message centre over HTTP on the real application (embedded H2): each person lists, counts and marks read only
 * their own messages, by session or HTTP Basic; sets their own channels and quiet hours; bad input is refused in
 * Chinese and changes nothing.
 */
@DisplayName("消息中心接口：本人的消息列表、未读数、标为已读、全部已读，提醒方式和免打扰时段")
class MessageCentreApiTest {

    private static final String PASSWORD = "Unit-Staff-Pass-2024";

    @TempDir
    Path home;

    private final StaffBrowserIT.TestClock clock = new StaffBrowserIT.TestClock(LocalDate.of(2024, 8, 20));
    private Application application;
    private WebServer server;
    private String base;
    private String wangId;

    @BeforeEach
    void start() {
        Settings settings = Settings.parse(List.of("--db-url", "jdbc:h2:file:" + home.toAbsolutePath().resolve("egov")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--uploads-dir", home.resolve("uploads").toString()), Map.of());
        application = Application.open(settings, clock);
        server = WebServer.start(application.webApi(), 0);
        base = "http://localhost:" + server.port();
        var accounts = application.accounts();
        accounts.createAccount(null, new CreateAccountCommand("secadmin", "安全保密管理员", Role.SECURITY_ADMIN,
                new UnitId("TC-DSJ"), null, null, "Security-Admin-2024".toCharArray()));
        Caller secadmin = new Caller(accounts.authenticate("secadmin", "Security-Admin-2024".toCharArray())
                .orElseThrow(), "test", "-");
        wangId = AccountsForTests.ready(accounts, secadmin, new CreateAccountCommand("wangjb", "王经办",
                Role.UNIT_STAFF, new UnitId("TC-GAJ"), "13900000002", "wang@tc.gov.cn", PASSWORD.toCharArray()));
        AccountsForTests.ready(accounts, secadmin, new CreateAccountCommand("lijb", "李经办", Role.UNIT_STAFF,
                new UnitId("TC-GAJ"), null, null, PASSWORD.toCharArray()));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
    }

    /** A reminder of a deadline {@code offset} days ahead (behind when negative) planned today for 王经办. */
    private PlannedReminder reminder(String project, DeadlineKind kind, int offset) {
        LocalDate today = clock.today();
        return new PlannedReminder(UUID.randomUUID(), kind, ProjectId.random(), project, false,
                today.plusDays(offset), "第十四条", new Reminder(today, offset,
                offset < 0 ? Audience.LEADER : Audience.RESPONSIBLE),
                new ReminderRecipient("王经办", "wang@tc.gov.cn", "13900000002", wangId));
    }

    private void plan(List<PlannedReminder> reminders) {
        application.reminders().enqueue(reminders);
    }

    private static HttpRequest.BodyPublisher body(JsonObject json) {
        return HttpRequest.BodyPublishers.ofString(json.encode(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Requested-With", "test").timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Each person's browser session (its cookies and CSRF token), signed in once: a password check is slow. */
    private final Map<String, Session> sessions = new java.util.HashMap<>();

    private record Session(HttpClient http, String csrf) {
    }

    private Session session(String user) throws Exception {
        Session known = sessions.get(user);
        if (known != null) {
            return known;
        }
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(body(new JsonObject().put("username", user).put("password", PASSWORD))));
        Session session = new Session(http, ok(signedIn).getString("csrfToken"));
        sessions.put(user, session);
        return session;
    }

    /** A request in the person's session. */
    private HttpResponse<String> call(String method, String path, String user, JsonObject json) throws Exception {
        Session session = session(user);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-CSRF-Token", session.csrf());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, body(json));
        }
        return send(session.http(), request);
    }

    /** A request with HTTP Basic credentials. */
    private HttpResponse<String> basic(String method, String path, String user, JsonObject json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", AccountsForTests.basic(user, PASSWORD));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, body(json));
        }
        return send(HttpClient.newHttpClient(), request);
    }

    private JsonObject ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r::body).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private int unread(String user) throws Exception {
        return ok(call("GET", "/api/me/messages/unread-count", user, null)).getInteger("unread");
    }

    private static void refused(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r::body).isEqualTo(status);
        JsonObject json = new JsonObject(r.body());
        assertThat(json.getString("message")).as(r::body).matches(".*\\p{IsHan}.*");
        if (field != null) {
            assertThat(r.body()).contains(field);
        }
    }

    @Test
    @DisplayName("各人只见、只标自己的消息；列表分页、只看未读；会话和Basic两种登录均可；错误输入以中文拒绝且不改变任何东西")
    void eachPersonHasTheirOwnInbox() throws Exception {
        assertThat(unread("wangjb")).isZero();
        plan(List.of(reminder("智慧公安数据平台", DeadlineKind.CONTRACT_FILING, 3),
                reminder("城市大脑", DeadlineKind.ACCEPTANCE_REPORT, -2),
                reminder("政务云迁移", DeadlineKind.IMPL_PLAN, 7)));
        assertThat(unread("wangjb")).isEqualTo(3);
        assertThat(unread("lijb")).isZero();

        JsonObject page = ok(call("GET", "/api/me/messages?limit=2", "wangjb", null));
        JsonArray items = page.getJsonArray("items");
        assertThat(items).hasSize(2);
        assertThat(page.getInteger("unread")).isEqualTo(3);
        assertThat(page.getLong("nextBefore")).isNotNull();
        JsonObject rest = ok(call("GET", "/api/me/messages?limit=2&before=" + page.getLong("nextBefore"), "wangjb",
                null));
        assertThat(rest.getJsonArray("items")).hasSize(1);
        assertThat(rest.getValue("nextBefore")).isNull();
        JsonObject escalation = List.of(items.getJsonObject(0), items.getJsonObject(1),
                        rest.getJsonArray("items").getJsonObject(0)).stream()
                .filter(m -> m.getBoolean("escalation")).findFirst().orElseThrow();
        assertThat(escalation.getString("title")).startsWith("【电子政务项目督办】");
        assertThat(escalation.getString("body")).contains("「城市大脑」", "已逾期");
        assertThat(escalation.getString("link")).startsWith("project.html?id=").endsWith("#action-FILE_ACCEPTANCE_REPORT");
        long id = escalation.getLong("id");

        // another person can neither read nor mark it
        refused(call("POST", "/api/me/messages/" + id + "/read", "lijb", null), 404, null);
        // HTTP Basic as well as a session
        assertThat(ok(basic("GET", "/api/me/messages", "lijb", null)).getJsonArray("items")).isEmpty();
        assertThat(ok(basic("GET", "/api/me/messages/unread-count", "wangjb", null)).getInteger("unread"))
                .isEqualTo(3);
        assertThat(unread("wangjb")).isEqualTo(3);

        // bounded inputs, refused in Chinese, nothing changed
        refused(call("GET", "/api/me/messages?limit=0", "wangjb", null), 400, "limit");
        refused(call("GET", "/api/me/messages?limit=101", "wangjb", null), 400, "limit");
        refused(call("GET", "/api/me/messages?before=-1", "wangjb", null), 400, "before");
        refused(call("GET", "/api/me/messages?before=" + "9".repeat(40), "wangjb", null), 400, "before");
        refused(call("GET", "/api/me/messages?unread=maybe", "wangjb", null), 400, "unread");
        refused(call("POST", "/api/me/messages/abc/read", "wangjb", null), 400, "id");
        assertThat(unread("wangjb")).isEqualTo(3);
        assertThat(send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base
                + "/api/me/messages/unread-count")).GET()).statusCode()).isEqualTo(401);

        // by session: marked read, the count falls; only the unread are listed when asked
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(body(new JsonObject().put("username", "wangjb").put("password", PASSWORD))));
        String csrf = ok(signedIn).getString("csrfToken");
        JsonObject marked = ok(send(browser, HttpRequest.newBuilder(URI.create(base + "/api/me/messages/" + id
                + "/read")).header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody())));
        assertThat(marked.getInteger("unread")).isEqualTo(2);
        JsonObject unreadOnly = ok(send(browser, HttpRequest.newBuilder(URI.create(base
                + "/api/me/messages?unread=true")).GET()));
        assertThat(unreadOnly.getJsonArray("items")).hasSize(2)
                .allSatisfy(m -> assertThat(((JsonObject) m).getBoolean("read")).isFalse());
        // marking read again is harmless
        assertThat(ok(basic("POST", "/api/me/messages/" + id + "/read", "wangjb", null)).getInteger("unread"))
                .isEqualTo(2);
        JsonObject all = ok(call("POST", "/api/me/messages/read-all", "wangjb", null));
        assertThat(all.getInteger("marked")).isEqualTo(2);
        assertThat(unread("wangjb")).isZero();
    }

    /** The rows of an export in the person's session (the first sheet, every cell as text). */
    private List<List<String>> workbook(String path, String user) throws Exception {
        Session session = session(user);
        HttpResponse<byte[]> r = session.http().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Requested-With", "test").timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(() -> new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<List<String>> rows = new java.util.ArrayList<>();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
            for (var row : book.getSheetAt(0)) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    @DisplayName("消息导出：本人的消息，与消息中心同样筛选（只看未读），状态写未读、已读；他人的不在其中；坏筛选400")
    void theInboxExportsWhatItShows() throws Exception {
        plan(List.of(reminder("智慧公安数据平台", DeadlineKind.CONTRACT_FILING, 3),
                reminder("城市大脑", DeadlineKind.ACCEPTANCE_REPORT, -2),
                reminder("政务云迁移", DeadlineKind.IMPL_PLAN, 7)));
        JsonObject listed = ok(call("GET", "/api/me/messages", "wangjb", null));
        long first = listed.getJsonArray("items").getJsonObject(0).getLong("id");
        ok(call("POST", "/api/me/messages/" + first + "/read", "wangjb", null));

        List<List<String>> all = workbook("/api/exports/messages.xlsx", "wangjb");
        assertThat(all.get(0).get(0)).contains("的消息，共3条");
        assertThat(all.get(1)).startsWith("序号", "时间", "状态", "类别", "标题", "内容");
        List<List<String>> rows = all.subList(2, all.size());
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get(2)).containsExactlyInAnyOrder("已读", "未读", "未读");
        assertThat(rows).extracting(r -> r.get(3)).contains("逾期督办", "期限提醒");
        assertThat(rows).anySatisfy(r -> assertThat(r.get(5)).contains("「城市大脑」", "已逾期"));

        List<List<String>> unreadOnly = workbook("/api/exports/messages.xlsx?unread=true", "wangjb");
        assertThat(unreadOnly.get(0).get(0)).contains("（只看未读），共2条");
        assertThat(unreadOnly.subList(2, unreadOnly.size())).extracting(r -> r.get(2)).containsOnly("未读");
        assertThat(workbook("/api/exports/messages.xlsx", "lijb").get(0).get(0)).contains("共0条");
        refused(call("GET", "/api/exports/messages.xlsx?unread=maybe", "wangjb", null), 400, "unread");
        assertThat(unread("wangjb")).as("an export marks nothing read").isEqualTo(2);
    }

    @Test
    @DisplayName("期限办结后，它的提醒在消息中心显示已办结及日期、铃铛未读数随之减少；撤销的期限显示已撤销；未办结的照旧")
    void aMetDeadlinesRemindersAreWithdrawnAndTheBellCountFalls() throws Exception {
        PlannedReminder contract = reminder("智慧公安数据平台", DeadlineKind.CONTRACT_FILING, 3);
        PlannedReminder overdue = reminder("城市大脑", DeadlineKind.ACCEPTANCE_REPORT, -2);
        PlannedReminder plan = reminder("政务云迁移", DeadlineKind.IMPL_PLAN, 7);
        plan(List.of(contract, overdue, plan));
        assertThat(unread("wangjb")).isEqualTo(3);

        // the contract is filed: the change that meets the deadline settles its reminder (the lifecycle's path)
        LocalDate today = clock.today();
        Deadline filed = Deadline.open(contract.deadlineId(), contract.kind(), null, today.minusDays(20),
                contract.due(), false).metOn(today);
        application.reminders().deadlinesChanged(null, List.of(), List.of(filed));
        assertThat(unread("wangjb")).isEqualTo(2);
        JsonObject settled = message("智慧公安数据平台");
        assertThat(settled.getBoolean("settled")).isTrue();
        assertThat(settled.getString("settledAs")).isEqualTo("MET");
        assertThat(settled.getString("settledZh")).isEqualTo("已办结");
        assertThat(settled.getString("settledOn")).isEqualTo(today.toString());
        assertThat(settled.getBoolean("read")).isTrue();
        assertThat(ok(call("GET", "/api/me/messages?unread=true", "wangjb", null)).getJsonArray("items"))
                .extracting(m -> ((JsonObject) m).getString("body"))
                .noneMatch(b -> b.contains("智慧公安数据平台")).hasSize(2);

        // the overdue deadline is waived (the project terminated): 已撤销
        Deadline waived = Deadline.open(overdue.deadlineId(), overdue.kind(), null, today.minusDays(30),
                overdue.due(), false).waived("项目终止");
        application.reminders().deadlinesChanged(null, List.of(), List.of(waived));
        assertThat(unread("wangjb")).isEqualTo(1);
        assertThat(message("城市大脑").getString("settledZh")).isEqualTo("已撤销");
        JsonObject open = message("政务云迁移");
        assertThat(open.getBoolean("settled")).isFalse();
        assertThat(open.getValue("settledAs")).isNull();
        assertThat(open.getBoolean("read")).isFalse();
    }

    private JsonObject message(String project) throws Exception {
        return ok(call("GET", "/api/me/messages?limit=100", "wangjb", null)).getJsonArray("items").stream()
                .map(m -> (JsonObject) m).filter(m -> m.getString("body").contains(project)).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("提醒方式：默认邮件短信都收、无免打扰；本人设置后保存；错误的时段以中文拒绝；站内消息始终接收")
    void eachPersonSetsTheirOwnChannelsAndQuietHours() throws Exception {
        JsonObject initial = ok(call("GET", "/api/me/notification-preferences", "wangjb", null));
        assertThat(initial.getBoolean("email")).isTrue();
        assertThat(initial.getBoolean("sms")).isTrue();
        assertThat(initial.getValue("quietStart")).isNull();
        assertThat(initial.getBoolean("inbox")).isTrue();

        JsonObject saved = ok(basic("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject()
                .put("email", false).put("sms", true).put("quietStart", "22:00").put("quietEnd", "07:00")));
        assertThat(saved.getBoolean("email")).isFalse();
        assertThat(saved.getString("quietStart")).isEqualTo("22:00");
        assertThat(saved.getString("quietEnd")).isEqualTo("07:00");

        refused(call("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject().put("email", true)
                .put("sms", true).put("quietStart", "25:00").put("quietEnd", "07:00")), 400, "quietStart");
        refused(call("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject().put("email", true)
                .put("sms", true).put("quietStart", "22:00")), 400, "quietEnd");
        refused(call("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject().put("email", true)
                .put("sms", true).put("quietStart", "22:00").put("quietEnd", "22:00")), 400, "quietEnd");
        refused(call("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject().put("sms", true)),
                400, "email");
        refused(call("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject().put("email", "yes")
                .put("sms", true)), 400, "email");
        // nothing of the refused ones was kept; another person's are their own
        JsonObject kept = ok(call("GET", "/api/me/notification-preferences", "wangjb", null));
        assertThat(kept.getBoolean("email")).isFalse();
        assertThat(kept.getString("quietStart")).isEqualTo("22:00");
        assertThat(ok(call("GET", "/api/me/notification-preferences", "lijb", null)).getBoolean("email")).isTrue();

        // a person may turn both channels off: the inbox still has every reminder and escalation
        ok(call("PUT", "/api/me/notification-preferences", "wangjb", new JsonObject().put("email", false)
                .put("sms", false)));
        plan(List.of(reminder("城市大脑", DeadlineKind.ACCEPTANCE_REPORT, -2)));
        assertThat(unread("wangjb")).isEqualTo(1);

        // each change is in the security audit trail: who, what changed from what to what, no address; the refused
        // ones left none
        application.accounts().createAccount(null, new CreateAccountCommand("auditadmin", "安全审计员",
                Role.AUDIT_ADMIN, new UnitId("TC-DSJ"), null, null, "Audit-Admin-Pass-2024".toCharArray()));
        Caller auditor = new Caller(application.accounts().authenticate("auditadmin",
                "Audit-Admin-Pass-2024".toCharArray()).orElseThrow(), "test", "-");
        var records = application.web().workplace().auditSearch().searchSecurityTrail(auditor,
                new cn.egov.projects.application.port.in.AuditQuery(new cn.egov.projects.application.view.AuditFilter(
                        java.util.Optional.empty(), java.util.Optional.of("NOTIFICATION_PREFERENCES"),
                        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()), 1, 50))
                .items();
        assertThat(records).extracting(e -> e.summary()).containsExactlyInAnyOrder(
                "修改本人的提醒方式：邮件 接收→不接收；免打扰时段 无→22:00—07:00",
                "修改本人的提醒方式：短信 接收→不接收；免打扰时段 22:00—07:00→无");
        assertThat(records).allSatisfy(e -> {
            assertThat(e.userId()).isEqualTo(wangId);
            assertThat(e.actorName()).isEqualTo("王经办");
            assertThat(e.summary()).doesNotContain("wang@tc.gov.cn", "13900000002");
        });
    }
}
