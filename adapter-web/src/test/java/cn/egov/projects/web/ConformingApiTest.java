package cn.egov.projects.web;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.domain.access.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDate;

/**
 * Router tests whose every answer is checked against the OpenAPI document, with accounts for every role: besides
 * the administrator, the Bureau and two units' staff, Finance, Audit, the Cyberspace and Secrecy offices.
 */
abstract class ConformingApiTest extends ApiTestSupport {

    @BeforeEach
    void moreAccounts() {
        Caller admin = admin();
        world.accountService.createAccount(admin, account("finance", Role.FINANCE, "TC-CZJ"));
        world.accountService.createAccount(admin, account("auditor", Role.AUDIT, "TC-SJJ"));
        world.accountService.createAccount(admin, account("cyber", Role.CYBERSEC, "TC-WXB"));
        world.accountService.createAccount(admin, account("secrecy", Role.SECRECY, "TC-BMJ"));
        world.accountService.createAccount(admin, account("leader", Role.UNIT_LEADER, "TC-GAJ"));
    }

    /** A request as the user (HTTP Basic), its answer checked against the document. */
    HttpResponse<Buffer> call(String method, String path, String user, JsonObject body) {
        HttpRequest<Buffer> request = client.request(HttpMethod.valueOf(method), path);
        if (user != null) {
            authenticated(request, user);
        }
        HttpResponse<Buffer> r = body == null ? await(request.send())
                : await(request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()));
        return OpenApi.conforms(method, path, r);
    }

    HttpResponse<Buffer> act(String id, String action, String user, JsonObject body) {
        return call("POST", "/api/projects/" + id + "/actions/" + action, user, body == null ? new JsonObject() : body);
    }

    /** Acts and expects success; returns the new state. */
    String ok(String id, String action, String user, JsonObject body) {
        HttpResponse<Buffer> r = act(id, action, user, body);
        if (r.statusCode() != 200) {
            throw new AssertionError(action + " by " + user + ": " + r.statusCode() + " " + r.bodyAsString());
        }
        return r.bodyAsJsonObject().getString("state");
    }

    /** The police bureau's project, declared in the 2025 window and taken into the plan issued on 2025-01-24. */
    String planned(String name) {
        HttpResponse<Buffer> window = call("POST", "/api/declaration-windows", "bureau", new JsonObject()
                .put("planYear", 2025).put("opensOn", "2024-08-15").put("closesOn", "2024-09-30"));
        if (window.statusCode() != 201) {
            throw new AssertionError(window.bodyAsString());
        }
        String id = createDraft("police", name);
        ok(id, "DECLARE", "police", null);
        ok(id, "START_REVIEW", "bureau", null);
        ok(id, "RECORD_REVIEW", "bureau", new JsonObject().put("approved", true)
                .put("experts", new io.vertx.core.json.JsonArray().add("张专家").add("赵专家").add("钱专家"))
                .put("opinion", "建设必要，方案可行"));
        ok(id, "PROPOSE_FUNDING", "finance", new JsonObject().put("amount", "1260000.10").put("opinion", "同意安排"));
        ok(id, "RECORD_APPROVAL", "bureau", new JsonObject().put("approvedBudget", "1260000.10")
                .put("reference", "太政复〔2024〕88号"));
        world.clock.set(java.time.LocalDate.of(2025, 1, 24));
        HttpResponse<Buffer> plan = call("POST", "/api/annual-plans", "bureau", new JsonObject().put("planYear", 2025)
                .put("reference", "太政办〔2025〕5号").put("projects", new io.vertx.core.json.JsonArray().add(id)));
        if (plan.statusCode() != 201) {
            throw new AssertionError(plan.bodyAsString());
        }
        return id;
    }

    /** The goal of {@link #profile}: a benefit indicator with a numeric target. */
    static final String SELF_INSPECTED_GOAL = "警情处置时间缩短比例";

    void on(int y, int m, int d) {
        world.clock.set(LocalDate.of(y, m, d));
    }

    /** A planned project taken through its trial run to a self-inspection reporting its one goal. */
    String selfInspected(String name, String attainment) {
        String id = plannedFromTheStart(name);
        on(2025, 2, 20);
        ok(id, "SUBMIT_IMPLEMENTATION_PLAN", "police", new JsonObject()
                .put("scopeItems", new JsonArray().add("数据汇聚平台").add("警情分析系统"))
                .put("budget", "1260000.10").put("schedule", "4月招标，9月上线"));
        on(2025, 3, 3);
        ok(id, "PRE_PROCUREMENT_REVIEW", "bureau", new JsonObject().put("passed", true).put("opinion", "同意采购"));
        on(2025, 4, 28);
        ok(id, "SIGN_CONTRACT", "police", new JsonObject().put("number", "HT-" + name).put("supplier", "某公司")
                .put("amount", "1200000").put("signedOn", "2025-04-25"));
        ok(id, "FILE_CONTRACT", "police", new JsonObject().put("number", "HT-" + name));
        on(2025, 9, 1);
        ok(id, "START_TRIAL_RUN", "police", new JsonObject().put("startedOn", "2025-09-01"));
        on(2025, 10, 28);
        ok(id, "FILE_SELF_INSPECTION", "police", new JsonObject().put("contentCompletion", "全部完成")
                .put("resourceCatalogue", "资源目录32项").put("goalAchievements", new JsonArray().add(new JsonObject()
                        .put("indicator", SELF_INSPECTED_GOAL).put("actual", attainment.equals("MET") ? "23%" : "12%")
                        .put("attainment", attainment).put("explanation", "部分路段改造未完成"))));
        return id;
    }

    /** {@link #planned}, with the clock put back to the declaration window first. */
    String plannedFromTheStart(String name) {
        world.clock.set(TODAY);
        return planned(name);
    }
}
