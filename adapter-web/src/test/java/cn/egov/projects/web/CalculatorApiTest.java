package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("公开的期限计算器 GET /api/deadlines/compute")
class CalculatorApiTest extends ApiTestSupport {

    @Test
    @DisplayName("合同签订后七个工作日：2024-09-27 → 2024-10-12（调休上班的星期六），第十四条，不需登录")
    void contractFilingOverNationalDay() {
        HttpResponse<Buffer> r = get("/api/deadlines/compute?kind=CONTRACT_FILING&start=2024-09-27", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("kind")).isEqualTo("CONTRACT_FILING");
        assertThat(body.getString("start")).isEqualTo("2024-09-27");
        assertThat(body.getString("due")).isEqualTo("2024-10-12");
        assertThat(body.getBoolean("provisional")).isFalse();
        assertThat(body.getString("article")).isEqualTo("第十四条");
        assertThat(body.getString("term")).isEqualTo("7个工作日");
        assertThat(body.getString("dueWeekday")).isEqualTo("星期六");
    }

    @ParameterizedTest(name = "{0} {1} software={2} → {3}")
    @CsvSource({
            "IMPL_PLAN, 2024-01-31, , 2024-02-29, 第十三条",
            "EARLIEST_ACCEPTANCE, 2024-01-15, , 2024-02-16, 第二十二条",
            "EARLIEST_ACCEPTANCE, 2024-01-15, true, 2024-03-16, 第二十二条",
            "EARLIEST_ACCEPTANCE, 2024-01-15, false, 2024-02-16, 第二十二条"
    })
    @DisplayName("按月计算的期限与试运行最短期限")
    void monthsAndMinimums(String kind, String start, String software, String due, String article) {
        String query = "/api/deadlines/compute?kind=" + kind + "&start=" + start
                + (software == null ? "" : "&software=" + software);

        HttpResponse<Buffer> r = get(query, null);

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getString("due")).isEqualTo(due);
        assertThat(r.bodyAsJsonObject().getString("article")).isEqualTo(article);
        assertThat(r.bodyAsJsonObject().getBoolean("provisional")).isFalse();
    }

    @Test
    @DisplayName("系统未收录官方节假日安排的年度按周一至周五计算并标为暂定")
    void yearWithoutOfficialCalendarIsProvisional() {
        HttpResponse<Buffer> r = get("/api/deadlines/compute?kind=CONTRACT_FILING&start=2027-03-01", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getBoolean("provisional")).isTrue();
        assertThat(r.bodyAsJsonObject().getString("due")).isEqualTo("2027-03-10");
        assertThat(r.bodyAsJsonObject().getString("dueWeekday")).isEqualTo("星期三");
    }

    @ParameterizedTest(name = "{0} → field {1}")
    @CsvSource(delimiter = '|', value = {
            "kind=NO_SUCH_KIND&start=2024-09-27 | kind     | NO_SUCH_KIND     | CONTRACT_FILING",
            "start=2024-09-27                   | kind     | missing          | EARLIEST_ACCEPTANCE",
            "kind=CONTRACT_FILING&start=2024-02-30 | start | YYYY-MM-DD       | 2024-02-30",
            "kind=CONTRACT_FILING&start=27.09.2024 | start | YYYY-MM-DD       | 27.09.2024",
            "kind=CONTRACT_FILING                  | start | missing          | YYYY-MM-DD",
            "kind=CONTRACT_FILING&start=1999-12-31 | start | 2000             | out of range",
            "kind=CONTRACT_FILING&start=2024-09-27&software=maybe | software | true or false | maybe"
    })
    @DisplayName("错误的参数得到400，指明字段，中英文说明都具体")
    void badInput(String query, String field, String englishHas, String englishAlsoHas) {
        HttpResponse<Buffer> r = get("/api/deadlines/compute?" + query, null);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo("BAD_REQUEST");
        assertThat(body.getString("field")).isEqualTo(field);
        assertThat(body.getString("message")).isNotBlank().matches(".*\\p{IsHan}.*");
        assertThat(body.getString("messageEn")).contains(englishHas).contains(englishAlsoHas);
        assertThat(body.getString("requestId")).isEqualTo(r.getHeader("X-Request-Id"));
    }
}
