package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.DeliveryException;
import cn.egov.projects.notify.channel.HttpSmsSettings;
import cn.egov.projects.notify.channel.HttpTemplateSmsSender;
import cn.egov.projects.notify.channel.OutgoingSms;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template SMS over HTTP against a local HTTP server that records the requests; retries and dead letters. */
class HttpSmsTest {

    private TestSmsService service;

    @BeforeEach
    void start() throws Exception {
        service = new TestSmsService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private HttpSmsSettings settings() {
        return new HttpSmsSettings(service.url(), "太仓电子政务", "SMS_20251009", "key-123", Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("请求按常见云短信格式：签名、模板编号、命名的模板参数、手机号和密钥")
    void requestShape() {
        new HttpTemplateSmsSender(settings()).send(new OutgoingSms("13900000002", "全文",
                Map.of("name", "李责任", "due", "10月9日（周四）", "action", "报送项目合同")));
        assertThat(service.requests()).hasSize(1);
        TestSmsService.Request r = service.requests().get(0);
        assertThat(r.authorization()).isEqualTo("Bearer key-123");
        assertThat(r.contentType()).startsWith("application/json");
        JsonObject body = r.body();
        assertThat(body.getString("phoneNumbers")).isEqualTo("13900000002");
        assertThat(body.getString("signName")).isEqualTo("太仓电子政务");
        assertThat(body.getString("templateCode")).isEqualTo("SMS_20251009");
        assertThat(body.getJsonObject("templateParam").getMap()).containsEntry("name", "李责任")
                .containsEntry("due", "10月9日（周四）").containsEntry("action", "报送项目合同");
    }

    @Test
    @DisplayName("服务拒绝（HTTP 4xx，或code不是OK）即发送失败")
    void refusalsFail() {
        service.refuse("13911112222");
        HttpTemplateSmsSender sender = new HttpTemplateSmsSender(settings());
        assertThatThrownBy(() -> sender.send(new OutgoingSms("13911112222", "x", Map.of())))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("400");
        service.answerCode("isv.BUSINESS_LIMIT_CONTROL");
        assertThatThrownBy(() -> sender.send(new OutgoingSms("13900000002", "x", Map.of())))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("BUSINESS_LIMIT_CONTROL");
    }

    @Test
    @DisplayName("持续失败的号码重试到设定次数后进入失败列表；管理员重发后送达，其他人不受影响")
    void permanentFailureBecomesADeadLetter() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        service.refuse("13911112222");
        try (Harness harness = Harness.h2()) {
            ReminderEngine engine = harness.engine(Harness.fast("http-sms")
                            .withRetries(3, Duration.ofMillis(100), Duration.ofMillis(400)), new SystemClock(), null,
                    new HttpTemplateSmsSender(settings()));
            harness.tx.inTransaction(() -> engine.enqueue(List.of(
                    Reminders.planned("错号码", null, "13911112222", "智慧公安数据平台", DeadlineKind.CONTRACT_FILING,
                            today, today.plusDays(1)),
                    Reminders.planned("李责任", null, "13900000002", "智慧公安数据平台", DeadlineKind.CONTRACT_FILING,
                            today, today.plusDays(1)))));
            engine.start();
            Harness.await("a dead letter", Duration.ofSeconds(90), () -> !engine.list(10).isEmpty());
            var letter = engine.list(10).get(0);
            assertThat(letter.recipient()).isEqualTo("13911112222");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.reminders()).isEqualTo(1);
            assertThat(letter.lastError()).contains("HTTP 400");
            assertThat(letter.retriedAt()).isNull();
            assertThat(service.requestsTo("13911112222")).isEqualTo(3);
            assertThat(service.requestsTo("13900000002")).isEqualTo(1);
            harness.awaitNothingLeftToSend();
            assertThat(service.requestsTo("13911112222")).as("no attempt after the dead letter").isEqualTo(3);

            service.accept("13911112222");
            assertThat(harness.tx.inTransaction(() -> engine.retry(letter.id(), "admin"))).isTrue();
            assertThat(engine.retry(letter.id(), "admin")).as("a dead letter is retried once").isFalse();
            Harness.await("the retried SMS", Duration.ofSeconds(60),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
            assertThat(service.requestsTo("13911112222")).isEqualTo(4);
            assertThat(engine.list(10).get(0).retriedBy()).isEqualTo("admin");
        }
    }
}
