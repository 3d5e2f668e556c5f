package cn.egov.projects.web;

import cn.egov.projects.application.port.in.AuthenticateUseCase;
import cn.egov.projects.application.port.out.DeadLetterPort;
import cn.egov.projects.application.service.DeadLetterService;
import cn.egov.projects.application.view.DeadLetter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/admin/dead-letters}: the administrator lists and retries reminders that could not be delivered. */
class DeadLetterApiTest extends ApiTestSupport {

    private final List<Long> retried = new ArrayList<>();

    @Override
    protected UseCases useCases(AuthenticateUseCase authenticate) {
        DeadLetter letter = new DeadLetter(7, "EMAIL", "li@tc.gov.cn", TODAY, 2, 8, "SMTP refused: 550",
                Instant.parse("2024-08-15T01:00:00Z"), null, null);
        DeadLetterPort port = new DeadLetterPort() {
            @Override
            public List<DeadLetter> list(int limit) {
                return List.of(letter);
            }

            @Override
            public boolean retry(long id, String by) {
                return id == 7 && !retried.contains(id) && retried.add(id);
            }
        };
        return new UseCases(world.calculator, authenticate, world.accountService, world.declarations, world.queries,
                world.queries, world.declarations, world.declarations,
                new DeadLetterService(port, world.audit, world.clock, world.transactions, world.ports.policies()));
    }

    @Test
    @DisplayName("管理员查看发送失败的提醒并重发；其他角色无权")
    void adminListsAndRetries() {
        HttpResponse<Buffer> list = get("/api/admin/dead-letters?limit=10", "admin");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonObject first = list.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
        assertThat(first.getLong("id")).isEqualTo(7L);
        assertThat(first.getString("recipient")).isEqualTo("l***@tc.gov.cn");
        assertThat(list.bodyAsString()).doesNotContain("li@tc.gov.cn");
        assertThat(first.getInteger("attempts")).isEqualTo(8);

        HttpResponse<Buffer> retry = post("/api/admin/dead-letters/7/retry", "admin", "{}");
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retried).containsExactly(7L);
        assertThat(post("/api/admin/dead-letters/7/retry", "admin", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/api/admin/dead-letters/x/retry", "admin", "{}").statusCode()).isEqualTo(400);

        assertThat(get("/api/admin/dead-letters", "bureau").statusCode()).isEqualTo(403);
        assertThat(post("/api/admin/dead-letters/7/retry", "police", "{}").statusCode()).isEqualTo(403);
    }
}
