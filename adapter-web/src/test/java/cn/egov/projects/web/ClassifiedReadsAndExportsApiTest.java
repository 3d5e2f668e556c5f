package cn.egov.projects.web;

import cn.egov.projects.application.port.out.AuditRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("安全审计记录：查看涉密项目（谁、哪个项目编号、请求号、来源地址）和每次导出（哪个、条件、行数）；普通项目的查看不记")
class ClassifiedReadsAndExportsApiTest extends ConformingApiTest {

    private static final String SECRET_NAME = "涉密指挥调度系统";

    private List<JsonObject> securityTrail(String action) {
        HttpResponse<Buffer> r = call("GET", "/api/security-audit-records?size=200&action=" + action, "auditadmin",
                null);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonArray("items").stream().map(o -> (JsonObject) o).toList();
    }

    private String classifiedDraft() {
        HttpResponse<Buffer> created = call("POST", "/api/projects", "police",
                profile(SECRET_NAME, 2025).put("classified", true));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        return created.bodyAsJsonObject().getString("id");
    }

    @Test
    @DisplayName("知悉范围内查看涉密项目的页面和文档目录：各记一条，只写项目编号不写名称；普通项目、范围外的404都不记；项目自己的办理记录和审计局的操作记录中没有")
    void readsOfAClassifiedProjectAreRecorded() {
        String secret = classifiedDraft();
        String ordinary = createDraft("police", "普通政务服务平台");
        int before = world.audit.all().size();

        assertThat(call("GET", "/api/projects/" + secret, "police", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + secret + "/documents", "police", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + ordinary, "police", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/projects/" + ordinary + "/documents", "police", null).statusCode())
                .isEqualTo(200);
        // outside the 知悉范围 the project does not exist: nothing was read
        assertThat(call("GET", "/api/projects/" + secret, "health", null).statusCode()).isEqualTo(404);

        List<JsonObject> reads = securityTrail("READ_CLASSIFIED");
        assertThat(reads).hasSize(2).allSatisfy(r -> {
            assertThat(r.getString("userId")).isEqualTo(world.accounts.findByUsername("police").orElseThrow().userId());
            assertThat(r.getString("actionZh")).isEqualTo("查看涉密项目");
            assertThat(r.getString("article")).isEqualTo("第二十七条");
            assertThat(r.getString("summary")).contains(secret).doesNotContain(SECRET_NAME);
            assertThat(r.getString("requestId")).isNotBlank().isNotEqualTo("-");
            // not listed among the project's own records, which everyone in its scope reads
            assertThat(r.getString("projectId")).isNull();
        });
        assertThat(reads).extracting(r -> r.getString("summary"))
                .anySatisfy(s -> assertThat(s).contains("项目页"))
                .anySatisfy(s -> assertThat(s).contains("文档目录"))
                .noneSatisfy(s -> assertThat(s).contains(ordinary));
        List<AuditRecord> added = world.audit.all().subList(before, world.audit.all().size());
        assertThat(added).filteredOn(r -> "READ_CLASSIFIED".equals(r.action())).hasSize(2)
                .allSatisfy(r -> assertThat(r.sourceAddress()).isNotBlank().isNotEqualTo("-"));

        JsonArray timeline = call("GET", "/api/projects/" + secret, "police", null).bodyAsJsonObject()
                .getJsonArray("timeline");
        assertThat(timeline.stream().map(o -> ((JsonObject) o).getString("action")).toList())
                .contains("CREATE_DRAFT").doesNotContain("READ_CLASSIFIED");
        for (String user : List.of("auditor", "bureau")) {
            assertThat(call("GET", "/api/audit-records?size=200&action=READ_CLASSIFIED", user, null)
                    .bodyAsJsonObject().getLong("total")).as(user).isZero();
        }
    }

    @Test
    @DisplayName("每次导出都记入安全审计记录：谁、哪个导出、条件和行数")
    void everyExportIsRecordedWithItsRows() {
        planned("智慧公安数据平台");
        world.clock.set(LocalDate.of(2025, 3, 10));

        assertThat(call("GET", "/api/exports/annual-plan.xlsx?year=2025", "bureau", null).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/exports/annual-plan.xlsx?year=2026", "bureau", null).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/exports/overdue.xlsx", "auditor", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/exports/performance.xlsx?year=2025", "bureau", null).statusCode())
                .isEqualTo(200);
        // a refused export is a refusal, not an export
        assertThat(call("GET", "/api/exports/annual-plan.xlsx?year=2025", "admin", null).statusCode())
                .isEqualTo(403);

        List<JsonObject> exports = securityTrail("EXPORT");
        assertThat(exports).hasSize(4);
        String bureau = world.accounts.findByUsername("bureau").orElseThrow().userId();
        assertThat(exports).anySatisfy(e -> {
            assertThat(e.getString("userId")).isEqualTo(bureau);
            assertThat(e.getString("summary")).isEqualTo("导出annual-plan.xlsx（year=2025）：1行");
        }).anySatisfy(e -> assertThat(e.getString("summary")).isEqualTo("导出annual-plan.xlsx（year=2026）：0行"))
                .anySatisfy(e -> {
                    assertThat(e.getString("userId"))
                            .isEqualTo(world.accounts.findByUsername("auditor").orElseThrow().userId());
                    assertThat(e.getString("summary")).startsWith("导出overdue.xlsx：").doesNotContain("：0行");
                })
                .anySatisfy(e -> assertThat(e.getString("summary")).startsWith("导出performance.xlsx（year=2025）："));
    }
}
