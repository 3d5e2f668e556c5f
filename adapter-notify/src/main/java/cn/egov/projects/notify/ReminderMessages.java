package cn.egov.projects.notify;

import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.notify.channel.OutgoingEmail;
import cn.egov.projects.notify.channel.OutgoingSms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words of reminders, in Chinese: what is due, by when (with the weekday), under which article, the action in the
 * system and a link to it. A classified project (Art. 27) is never named nor described: its reminder says only that
 * an item awaits the person in the system.
 */
public final class ReminderMessages {

    /** The whole text of a classified project's reminder (Art. 27). */
    public static final String CLASSIFIED = "您有一项待办事项，请登录系统查看";

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
    private static final String[] SHORT_WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    private final String baseUrl;
    private final String smsSign;

    public ReminderMessages(String baseUrl, String smsSign) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.smsSign = smsSign == null ? "" : smsSign;
    }

    /** 2025年10月9日（星期四） */
    public static String longDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日（"
                + WEEKDAYS[day.getDayOfWeek().getValue() - 1] + "）";
    }

    /** 10月9日（周四） */
    public static String shortDate(LocalDate day) {
        return day.getMonthValue() + "月" + day.getDayOfMonth() + "日（" + SHORT_WEEKDAYS[day.getDayOfWeek().getValue() - 1]
                + "）";
    }

    static String weekday(DayOfWeek day) {
        return WEEKDAYS[day.getValue() - 1];
    }

    /** The link to the project in the system; for a classified project only the system's address. */
    public String link(LedgerItem item) {
        return item.classified() ? baseUrl + "/" : baseUrl + "/projects/" + item.projectId();
    }

    /**
     * What a reminder sent late says of it: the day it was due to go out and why it comes now. For a classified
     * project (Art. 27) not even that day: only that it is late.
     */
    public static String lateNote(LedgerItem item) {
        if (item.classified()) {
            return "（本提醒因系统停机延迟送达）";
        }
        return "（本提醒原定于" + plainDate(item.remindOn()) + "发送，因系统停机延迟送达）";
    }

    /** 2025年10月9日 */
    static String plainDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /**
     * One line of a message about one reminder. A reminder before the due day that goes out after it (sent late)
     * says that the deadline has passed, not what it said on its day.
     */
    public String line(LedgerItem item, LocalDate today) {
        String line = item.classified() ? CLASSIFIED : plainLine(item, today);
        return item.late() ? line + lateNote(item) : line;
    }

    /**
     * The project as a message names it: its unit by full name, then the project by name — 太仓市公安局的「智慧公安数据平台」,
     * 太仓市公安局的项目草稿「…」 — never by a code or a number.
     */
    static String project(LedgerItem item) {
        String project = (item.kind() == DeadlineKind.WINDOW_CLOSING ? "项目草稿" : "") + "「" + item.projectName() + "」";
        return item.unitName() == null || item.unitName().isBlank() ? project : item.unitName() + "的" + project;
    }

    private static String plainLine(LedgerItem item, LocalDate today) {
        String project = project(item);
        String action = item.kind().actionZh();
        if (item.isOverdue()) {
            long late = Math.max(1, ChronoUnit.DAYS.between(item.due(), today));
            return project + "「" + action + "」已于" + longDate(item.due()) + "到期，现已逾期" + late + "天（"
                    + item.article() + "），请督促尽快办理。";
        }
        if (item.due().isBefore(today)) {
            return project + "「" + action + "」已于" + longDate(item.due()) + "到期（" + item.article()
                    + "），请尽快办理。";
        }
        if (item.due().equals(today)) {
            return project + "须于今天，" + longDate(item.due()) + "，" + action + "（" + item.article() + "），今天到期。";
        }
        return project + "须于" + longDate(item.due()) + "前" + action + "（" + item.article() + "）。";
    }

    /** The e-mail of one digest: the items nearest their due day first. */
    public OutgoingEmail email(String to, List<LedgerItem> items, LocalDate today) {
        List<LedgerItem> sorted = sorted(items);
        boolean allClassified = sorted.stream().allMatch(LedgerItem::classified);
        boolean anyOverdue = sorted.stream().anyMatch(LedgerItem::isOverdue);
        String subject;
        if (allClassified) {
            subject = "【电子政务项目提醒】" + CLASSIFIED;
        } else if (sorted.size() == 1) {
            LedgerItem only = sorted.get(0);
            subject = (anyOverdue ? "【电子政务项目督办】" : "【电子政务项目提醒】") + only.kind().actionZh()
                    + (only.isOverdue() ? "已逾期" : only.due().isBefore(today) ? "：已于" + longDate(only.due()) + "到期"
                    : "：" + longDate(only.due()) + "到期");
        } else {
            subject = (anyOverdue ? "【电子政务项目督办】" : "【电子政务项目提醒】") + "您有" + sorted.size() + "项待办事项";
        }
        if (sorted.stream().anyMatch(LedgerItem::late)) {
            subject += "（延迟送达）";
        }
        String name = sorted.get(0).recipientName();
        String greeting = (name == null || name.isBlank() ? "您好：" : name + "，您好：");
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head><body><p>").append(escape(greeting)).append("</p><ol>");
        int n = 1;
        for (LedgerItem item : sorted) {
            String line = line(item, today);
            String link = link(item);
            text.append(n++).append(". ").append(line).append("\n   办理入口：").append(link).append("\n");
            html.append("<li><p>").append(escape(line)).append("</p><p>办理入口：<a href=\"").append(escape(link))
                    .append("\">").append(escape(link)).append("</a></p></li>");
        }
        String footer = "本邮件由电子政务项目管理系统根据《太仓市级电子政务项目管理办法》自动发送，请勿直接回复。";
        text.append("\n").append(footer).append("\n");
        html.append("</ol><p>").append(escape(footer)).append("</p></body></html>");
        return new OutgoingEmail(to, subject, text.toString(), html.toString());
    }

    /**
     * The SMS of one digest: one reminder spelled out, several counted with the nearest named. Its template parameters
     * are {@code name}, {@code count}, {@code project}, {@code unit} (its unit's full name), {@code action}, {@code due},
 * {@code article} and {@code late}
     * (what the text says of reminders sent late after downtime; empty when on time).
     */
    public OutgoingSms sms(String mobile, List<LedgerItem> items, LocalDate today) {
        List<LedgerItem> sorted = sorted(items);
        LedgerItem first = sorted.get(0);
        boolean anyClassified = sorted.stream().anyMatch(LedgerItem::classified);
        Map<String, String> params = new LinkedHashMap<>();
        String name = first.recipientName() == null ? "" : first.recipientName();
        params.put("name", name);
        params.put("count", String.valueOf(sorted.size()));
        String body;
        if (anyClassified) {
            body = sorted.size() == 1 ? CLASSIFIED : "您有" + sorted.size() + "项待办事项，请登录系统查看";
            params.put("project", "");
            params.put("unit", "");
            params.put("action", "待办事项");
            params.put("due", "");
            params.put("article", "");
        } else {
            boolean pastDue = first.isOverdue() || first.due().isBefore(today);
            String what = project(first) + (pastDue
                    ? first.kind().actionZh() + "已于" + shortDate(first.due()) + "到期" + (first.isOverdue() ? "，已逾期" : "")
                    : "须于" + shortDate(first.due()) + "前" + first.kind().actionZh())
                    + "（" + first.article() + "）";
            body = (sorted.size() == 1 ? what : "您有" + sorted.size() + "项电子政务项目待办，最近一项：" + what)
                    + "，请登录系统办理：" + link(first);
            params.put("project", first.projectName());
            params.put("unit", first.unitName() == null ? "" : first.unitName());
            params.put("action", first.kind().actionZh());
            params.put("due", shortDate(first.due()));
            params.put("article", first.article());
        }
        long late = sorted.stream().filter(LedgerItem::late).count();
        String lateNote = late == 0 ? "" : sorted.size() == 1 ? lateNote(first)
                : "（其中" + late + "项提醒因系统停机延迟送达）";
        body += lateNote;
        // a template may show it as ${late}; empty when the message is on time
        params.put("late", lateNote);
        String text = smsSign + (name.isEmpty() ? "" : name + "您好，") + body;
        return new OutgoingSms(mobile, text, params);
    }

    private static List<LedgerItem> sorted(List<LedgerItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one reminder");
        }
        return items.stream().sorted(Comparator.comparing(LedgerItem::due).thenComparing(LedgerItem::id)).toList();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
