package cn.egov.projects.web;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.domain.access.Role;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeEach;

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
            request.basicAuthentication(user, PASSWORD);
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
}
