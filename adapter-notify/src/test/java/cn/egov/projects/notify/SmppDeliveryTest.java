package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.DeliveryException;
import cn.egov.projects.notify.channel.OutgoingSms;
import cn.egov.projects.notify.channel.SmppSettings;
import cn.egov.projects.notify.channel.SmppSmsSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SMS over SMPP 3.4 against a real SMPP server inside the test (jsmpp's server session). */
class SmppDeliveryTest {

    private TestSmsc smsc;
    private int port;

    @BeforeEach
    void start() throws Exception {
        port = Harness.freePort();
        smsc = new TestSmsc(port, "egov", "secret");
    }

    @AfterEach
    void stop() throws Exception {
        smsc.close();
    }

    private SmppSettings settings(String password) {
        return new SmppSettings("127.0.0.1", port, "egov", password, null, "10691234", Duration.ofSeconds(5));
    }

    private static String text(List<TestSmsc.Submitted> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TestSmsc.Submitted p : parts) {
            boolean udh = (p.esmClass() & 0x40) != 0;
            byte[] sm = p.shortMessage();
            out.write(sm, udh ? 6 : 0, sm.length - (udh ? 6 : 0));
        }
        return out.toString(StandardCharsets.UTF_16BE);
    }

    @Test
    @DisplayName("短提醒一条提交：UCS-2编码（0x08），号码加国家码，内容正确")
    void shortMessage() {
        try (SmppSmsSender sender = new SmppSmsSender(settings("secret"))) {
            sender.send(new OutgoingSms("13900000002", "【太仓电子政务】李责任您好，您有一项待办事项，请登录系统查看", Map.of()));
            Harness.await("one submit_sm", Duration.ofSeconds(60), () -> smsc.submitted().size() == 1);
        }
        TestSmsc.Submitted sm = smsc.submitted().get(0);
        assertThat(sm.destination()).isEqualTo("8613900000002");
        assertThat(sm.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(sm.esmClass() & 0x40).isZero();
        assertThat(text(List.of(sm))).isEqualTo("【太仓电子政务】李责任您好，您有一项待办事项，请登录系统查看");
    }

    @Test
    @DisplayName("长提醒拆为带消息头的级联短信，每段不超过67字，合起来是原文")
    void longMessageIsConcatenated() {
        String text = "【太仓电子政务】李责任您好，您有3项电子政务项目待办，最近一项：「智慧公安数据平台」须于10月9日（周四）前报送项目合同"
                + "（第十四条），请登录系统办理：https://egov.tc.gov.cn/projects/3f6c0a52-8a7e-4b9e-9d0e-1c2b3a4d5e6f";
        try (SmppSmsSender sender = new SmppSmsSender(settings("secret"))) {
            sender.send(new OutgoingSms("13900000002", text, Map.of()));
        }
        List<TestSmsc.Submitted> parts = smsc.submitted();
        assertThat(parts).hasSize((text.length() + 66) / 67);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.esmClass() & 0x40).isEqualTo(0x40);
            assertThat(p.shortMessage().length).isLessThanOrEqualTo(140);
            assertThat(p.shortMessage()[4]).isEqualTo((byte) parts.size());
        });
        assertThat(parts.stream().map(p -> (int) p.shortMessage()[3]).distinct()).hasSize(1);
        assertThat(parts.stream().map(p -> (int) p.shortMessage()[5]))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, parts.size()).boxed().toList());
        assertThat(text(parts)).isEqualTo(text);
    }

    @Test
    @DisplayName("短信中心拒绝绑定时报发送失败")
    void refusedBindFails() {
        try (SmppSmsSender sender = new SmppSmsSender(settings("wrong"))) {
            assertThatThrownBy(() -> sender.send(new OutgoingSms("13900000002", "测试", Map.of())))
                    .isInstanceOf(DeliveryException.class);
        }
        assertThat(smsc.submitted()).isEmpty();
    }

    @Test
    @DisplayName("经提醒引擎发出：每人每日一条短信")
    void throughTheEngine() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Harness harness = Harness.h2()) {
            ReminderEngine engine = harness.engine(Harness.fast("smpp-test"), new SystemClock(), null,
                    new SmppSmsSender(settings("secret")));
            harness.tx.inTransaction(() -> engine.enqueue(List.of(
                    Reminders.planned("李责任", null, "13900000002", "智慧公安数据平台", DeadlineKind.CONTRACT_FILING, today,
                            today.plusDays(1)),
                    Reminders.planned("李责任", "li@tc.gov.cn", "13900000002", "城市大脑", DeadlineKind.IMPL_PLAN, today,
                            today.plusDays(3)))));
            engine.start();
            Harness.await("the SMS", Duration.ofSeconds(60), () -> !smsc.submitted().isEmpty());
            Harness.await("the SMS recorded as sent", Duration.ofSeconds(60),
                    () -> harness.count("SELECT COUNT(*) FROM reminder WHERE sent_at IS NULL") == 0);
        }
        List<TestSmsc.Submitted> parts = smsc.submitted();
        String text = text(parts);
        assertThat(parts).allSatisfy(p -> assertThat(p.destination()).isEqualTo("8613900000002"));
        assertThat(text).startsWith("【太仓电子政务】李责任您好，您有2项电子政务项目待办，最近一项：「智慧公安数据平台」须于");
        // e-mail was not configured: only the SMS channel was planned
    }
}
