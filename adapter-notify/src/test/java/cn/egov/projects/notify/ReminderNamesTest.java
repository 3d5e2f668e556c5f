package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.reminder.Audience;
import cn.egov.projects.notify.channel.OutgoingEmail;
import cn.egov.projects.notify.channel.OutgoingSms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and units by name in every message: each kind of deadline, before, on and after its due day, escalated and
 * sent late, rendered as the e-mail (subject, text, HTML), the SMS (text and template parameters) and the inbox's title
 * and body — the person greeted by display name, the unit by its full name, and no UUID nor unit code in what a person
 * reads (the link's address aside).
 */
@DisplayName("邮件、短信和消息中心写人名和单位全称：每种期限、每种情形都不出现编号（UUID）或单位代码")
class ReminderNamesTest {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A unit code as the units are registered (TC-GAJ): letters, a hyphen, letters. */
    private static final Pattern UNIT_CODE = Pattern.compile("\\b[A-Z]{2,}-[A-Z0-9]{2,}\\b");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>，。）]+");

    private final ReminderMessages messages = new ReminderMessages("https://egov.tc.gov.cn", "【太仓电子政务】");
    private final LocalDate today = LocalDate.of(2025, 9, 3);

    private LedgerItem item(DeadlineKind kind, int offset, LocalDate due, boolean late, String unit, String project,
                            boolean classified) {
        Audience audience = offset < 0 ? Audience.LEADER : Audience.RESPONSIBLE;
        return new LedgerItem(1, UUID.randomUUID(), offset, "wang@tc.gov.cn", Channel.EMAIL, late
                ? today.minusDays(2) : today, audience, "王责任", UUID.randomUUID(), classified ? null : project,
                classified, kind, due, "第十四条", late, classified ? null : unit);
    }

    /** What a person reads of a message: every text, each link's address taken out. */
    private List<String> read(List<LedgerItem> items) {
        OutgoingEmail email = messages.email("wang@tc.gov.cn", items, today);
        OutgoingSms sms = messages.sms("13900000002", items, today);
        List<String> texts = new ArrayList<>(List.of(email.subject(), email.text(), email.html(), sms.text(),
                messages.email("inbox", List.of(items.get(0)), today).subject(), messages.line(items.get(0), today)));
        texts.addAll(sms.templateParams().values());
        return texts.stream().map(t -> LINK.matcher(t).replaceAll("")).toList();
    }

    @Test
    @DisplayName("每种期限：提前提醒、当日到期、已过到期日、逾期督办、延迟送达，均写单位全称和人名，无UUID、无单位代码")
    void everyKindAndCaseNamesTheUnitAndThePerson() {
        int rendered = 0;
        for (DeadlineKind kind : DeadlineKind.values()) {
            for (int[] c : new int[][]{{7, 7}, {0, 0}, {2, -1}, {-3, -3}}) {
                for (boolean late : new boolean[]{false, true}) {
                    LedgerItem item = item(kind, c[0], today.plusDays(c[1]), late, "太仓市公安局", "智慧公安数据平台",
                            false);
                    List<String> texts = read(List.of(item));
                    String all = String.join("\n", texts);
                    String what = kind + " " + c[0] + "/" + c[1] + (late ? " late" : "");
                    assertThat(UUID_TEXT.matcher(all).find()).as(what + ": " + all).isFalse();
                    assertThat(UNIT_CODE.matcher(all).find()).as(what + ": " + all).isFalse();
                    // the unit's full name with the project, in each text a person reads as a sentence
                    for (String text : List.of(texts.get(1), texts.get(2), texts.get(3), texts.get(5))) {
                        assertThat(text).as(what).contains("太仓市公安局的" + (kind == DeadlineKind.WINDOW_CLOSING
                                ? "项目草稿" : "") + "「智慧公安数据平台」");
                    }
                    assertThat(texts.get(1)).as(what).startsWith("王责任，您好：");
                    assertThat(texts.get(3)).as(what).contains("王责任您好");
                    rendered++;
                }
            }
        }
        assertThat(rendered).isEqualTo(DeadlineKind.values().length * 8);
    }

    @Test
    @DisplayName("多项合并的一封邮件：每项写各自单位的全称；短信模板参数含单位全称")
    void aDigestNamesEachItemsUnit() {
        List<LedgerItem> items = List.of(
                item(DeadlineKind.CONTRACT_FILING, 3, today.plusDays(3), false, "太仓市公安局", "智慧公安数据平台", false),
                item(DeadlineKind.ACCEPTANCE_REPORT, -2, today.minusDays(2), false, "太仓市卫生健康委员会", "健康档案平台",
                        false));
        List<String> texts = read(items);
        String all = String.join("\n", texts);
        assertThat(UUID_TEXT.matcher(all).find()).isFalse();
        assertThat(UNIT_CODE.matcher(all).find()).isFalse();
        assertThat(texts.get(1)).contains("太仓市公安局的「智慧公安数据平台」", "太仓市卫生健康委员会的「健康档案平台」");
        assertThat(messages.sms("13900000002", items, today).templateParams()).containsEntry("unit", "太仓市卫生健康委员会");
    }

    @Test
    @DisplayName("涉密项目（第二十七条）：既不写项目名称也不写单位，同样不出现任何编号")
    void aClassifiedProjectIsNamedByNothing() {
        LedgerItem secret = item(DeadlineKind.CONTRACT_FILING, 3, today.plusDays(3), false, "太仓市公安局",
                "涉密网络改造", true);
        String all = String.join("\n", read(List.of(secret)));
        assertThat(all).doesNotContain("涉密网络改造", "太仓市公安局").contains(ReminderMessages.CLASSIFIED);
        assertThat(UUID_TEXT.matcher(all).find()).isFalse();
        assertThat(UNIT_CODE.matcher(all).find()).isFalse();
    }
}
