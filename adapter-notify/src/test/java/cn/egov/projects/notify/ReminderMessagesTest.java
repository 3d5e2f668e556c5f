package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.reminder.Audience;
import cn.egov.projects.notify.channel.OutgoingEmail;
import cn.egov.projects.notify.channel.OutgoingSms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderMessagesTest {

    private static final UUID PROJECT = UUID.fromString("3f6c0a52-8a7e-4b9e-9d0e-1c2b3a4d5e6f");
    private final ReminderMessages messages = new ReminderMessages("https://egov.tc.gov.cn/", "【太仓电子政务】");

    private static LedgerItem item(long id, DeadlineKind kind, LocalDate day, LocalDate due, boolean classified) {
        return item(id, kind, day, due, classified, false);
    }

    private static LedgerItem item(long id, DeadlineKind kind, LocalDate day, LocalDate due, boolean classified,
                                   boolean late) {
        int offset = (int) (due.toEpochDay() - day.toEpochDay());
        return new LedgerItem(id, UUID.randomUUID(), offset, "li@tc.gov.cn", Channel.EMAIL, day,
                offset < 0 ? Audience.LEADER : Audience.RESPONSIBLE, "李责任", PROJECT,
                classified ? null : "智慧公安数据平台", classified, kind, due,
                "第" + (kind == DeadlineKind.CONTRACT_FILING ? "十四" : "十三") + "条", late);
    }

    @Test
    @DisplayName("邮件写明事项、到期日（含星期）、条款、办理动作和链接")
    void oneReminder() {
        LocalDate day = LocalDate.of(2025, 9, 30);
        OutgoingEmail mail = messages.email("li@tc.gov.cn", List.of(item(1, DeadlineKind.CONTRACT_FILING, day,
                LocalDate.of(2025, 10, 9), false)), day);
        assertThat(mail.subject()).isEqualTo("【电子政务项目提醒】报送项目合同：2025年10月9日（星期四）到期");
        assertThat(mail.text()).contains("李责任，您好：", "「智慧公安数据平台」须于2025年10月9日（星期四）前报送项目合同（第十四条）",
                "办理入口：https://egov.tc.gov.cn/projects/" + PROJECT);
        assertThat(mail.html()).contains("<a href=\"https://egov.tc.gov.cn/projects/" + PROJECT + "\">",
                "lang=\"zh-CN\"");
    }

    @Test
    @DisplayName("同一人同日多项合并为一封，逾期事项写明逾期天数")
    void digestAndOverdue() {
        LocalDate today = LocalDate.of(2025, 10, 13);
        OutgoingEmail mail = messages.email("li@tc.gov.cn", List.of(
                item(2, DeadlineKind.IMPL_PLAN, today, LocalDate.of(2025, 10, 20), false),
                item(1, DeadlineKind.CONTRACT_FILING, today, LocalDate.of(2025, 10, 9), false)), today);
        assertThat(mail.subject()).isEqualTo("【电子政务项目督办】您有2项待办事项");
        assertThat(mail.text()).contains("1. 「智慧公安数据平台」「报送项目合同」已于2025年10月9日（星期四）到期，现已逾期4天（第十四条）")
                .contains("2. 「智慧公安数据平台」须于2025年10月20日（星期一）前报送项目实施方案（第十三条）");
    }

    @Test
    @DisplayName("涉密项目：邮件和短信都不出现项目名称和内容")
    void classifiedSaysNothing() {
        LocalDate day = LocalDate.of(2025, 9, 30);
        LedgerItem secret = item(1, DeadlineKind.CONTRACT_FILING, day, LocalDate.of(2025, 10, 9), true);
        OutgoingEmail mail = messages.email("li@tc.gov.cn", List.of(secret), day);
        assertThat(mail.subject()).isEqualTo("【电子政务项目提醒】您有一项待办事项，请登录系统查看");
        assertThat(mail.text() + mail.html()).contains("您有一项待办事项，请登录系统查看")
                .doesNotContain("智慧公安", "报送项目合同", "第十四条", PROJECT.toString(), "2025年10月9日");
        OutgoingSms sms = messages.sms("13900000002", List.of(secret), day);
        assertThat(sms.text()).isEqualTo("【太仓电子政务】李责任您好，您有一项待办事项，请登录系统查看");
        assertThat(sms.templateParams().values()).noneMatch(v -> v.contains("报送") || v.contains("平台"));
    }

    @Test
    @DisplayName("短信简明：事项、日期（周几）、条款和链接")
    void smsText() {
        LocalDate day = LocalDate.of(2025, 9, 30);
        OutgoingSms sms = messages.sms("13900000002", List.of(item(1, DeadlineKind.CONTRACT_FILING, day,
                LocalDate.of(2025, 10, 9), false)), day);
        assertThat(sms.text()).startsWith("【太仓电子政务】李责任您好，「智慧公安数据平台」须于10月9日（周四）前报送项目合同（第十四条）");
        assertThat(sms.templateParams()).containsEntry("due", "10月9日（周四）").containsEntry("article", "第十四条")
                .containsEntry("action", "报送项目合同").containsEntry("count", "1");
    }

    @Test
    @DisplayName("停机后补发：每项写明原定发送日期和延迟原因；到期日已过的事前提醒改说已到期")
    void lateEmail() {
        LocalDate today = LocalDate.of(2025, 10, 13);
        OutgoingEmail mail = messages.email("li@tc.gov.cn", List.of(
                item(1, DeadlineKind.IMPL_PLAN, LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 9), false, true),
                item(2, DeadlineKind.CONTRACT_FILING, today, LocalDate.of(2025, 10, 14), false, false)), today);
        assertThat(mail.subject()).isEqualTo("【电子政务项目提醒】您有2项待办事项（延迟送达）");
        assertThat(mail.text()).contains("1. 「智慧公安数据平台」「报送项目实施方案」已于2025年10月9日（星期四）到期（第十三条），请尽快办理。"
                        + "（本提醒原定于2025年10月9日发送，因系统停机延迟送达）")
                .contains("2. 「智慧公安数据平台」须于2025年10月14日（星期二）前报送项目合同（第十四条）。\n");
        assertThat(mail.html()).contains("（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");

        OutgoingEmail escalation = messages.email("wang@tc.gov.cn", List.of(item(3, DeadlineKind.IMPL_PLAN,
                LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 9), false, true)), today);
        assertThat(escalation.subject()).isEqualTo("【电子政务项目督办】报送项目实施方案已逾期（延迟送达）");
        assertThat(escalation.text()).contains("已于2025年10月9日（星期四）到期，现已逾期4天（第十三条），请督促尽快办理。"
                + "（本提醒原定于2025年10月10日发送，因系统停机延迟送达）");
    }

    @Test
    @DisplayName("停机后补发的短信写明原定日期；涉密项目只说延迟送达，不写日期")
    void lateSms() {
        LocalDate today = LocalDate.of(2025, 10, 13);
        OutgoingSms sms = messages.sms("13900000002", List.of(item(1, DeadlineKind.IMPL_PLAN,
                LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 9), false, true)), today);
        assertThat(sms.text()).isEqualTo("【太仓电子政务】李责任您好，「智慧公安数据平台」报送项目实施方案已于10月9日（周四）到期（第十三条），"
                + "请登录系统办理：https://egov.tc.gov.cn/projects/" + PROJECT + "（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");
        assertThat(sms.templateParams()).containsEntry("late", "（本提醒原定于2025年10月9日发送，因系统停机延迟送达）");

        OutgoingSms secret = messages.sms("13900000002", List.of(item(1, DeadlineKind.IMPL_PLAN,
                LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 9), true, true)), today);
        assertThat(secret.text()).isEqualTo("【太仓电子政务】李责任您好，您有一项待办事项，请登录系统查看（本提醒因系统停机延迟送达）");
        OutgoingEmail secretMail = messages.email("li@tc.gov.cn", List.of(item(1, DeadlineKind.IMPL_PLAN,
                LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 9), true, true)), today);
        assertThat(secretMail.subject() + secretMail.text() + secretMail.html()).doesNotContain("2025年10月9日", "10月9日");

        OutgoingSms two = messages.sms("13900000002", List.of(
                item(1, DeadlineKind.IMPL_PLAN, LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 9), false, true),
                item(2, DeadlineKind.CONTRACT_FILING, today, LocalDate.of(2025, 10, 14), false, false)), today);
        assertThat(two.text()).endsWith("（其中1项提醒因系统停机延迟送达）");
        OutgoingSms onTime = messages.sms("13900000002", List.of(item(2, DeadlineKind.CONTRACT_FILING, today,
                LocalDate.of(2025, 10, 14), false, false)), today);
        assertThat(onTime.text()).doesNotContain("延迟");
        assertThat(onTime.templateParams()).containsEntry("late", "");
    }

    @Test
    @DisplayName("第二十七条：涉密项目的提醒即使带着项目名称，邮件和短信中也不出现名称、内容、项目编号；与普通项目合并时只写普通项目")
    void aClassifiedProjectIsNeverNamedEvenInADigest() {
        LocalDate today = LocalDate.of(2025, 10, 13);
        UUID secretId = UUID.fromString("0b7e1f3a-2c4d-4e5f-8a9b-0c1d2e3f4a5b");
        LedgerItem secret = new LedgerItem(7, UUID.randomUUID(), -4, "li@tc.gov.cn", Channel.EMAIL, today,
                Audience.BUREAU, "李责任", secretId, "涉密专网密码改造", true, DeadlineKind.CONTRACT_FILING,
                LocalDate.of(2025, 10, 9), "第十四条", false);
        LedgerItem plain = item(8, DeadlineKind.IMPL_PLAN, today, LocalDate.of(2025, 10, 20), false);

        OutgoingEmail alone = messages.email("li@tc.gov.cn", List.of(secret), today);
        OutgoingEmail digest = messages.email("li@tc.gov.cn", List.of(secret, plain), today);
        OutgoingSms smsAlone = messages.sms("13900000002", List.of(secret), today);
        OutgoingSms smsDigest = messages.sms("13900000002", List.of(plain, secret), today);

        for (String text : List.of(alone.subject() + alone.text() + alone.html(),
                digest.subject() + digest.text() + digest.html(), smsAlone.text(), smsDigest.text(),
                String.join("|", smsAlone.templateParams().values()),
                String.join("|", smsDigest.templateParams().values()))) {
            assertThat(text).doesNotContain("涉密专网", "密码改造", secretId.toString(), "报送项目合同", "第十四条",
                    "10月9日");
        }
        assertThat(digest.text()).contains("1. " + ReminderMessages.CLASSIFIED + "\n   办理入口：https://egov.tc.gov.cn/\n",
                "2. 「智慧公安数据平台」须于2025年10月20日（星期一）前报送项目实施方案（第十三条）");
        assertThat(smsDigest.text()).isEqualTo("【太仓电子政务】李责任您好，您有2项待办事项，请登录系统查看");
        assertThat(messages.link(secret)).isEqualTo("https://egov.tc.gov.cn/");
    }
}
