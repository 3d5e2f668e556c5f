package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectProfile;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation of command fields, failing with the field and a Chinese reason. The bounds here are what the database
 * columns hold (texts, amounts and their sums in NUMERIC(16,2)) and what a person can sensibly write.
 */
public final class Check {

    /** The most items of a list field (construction content, performance goals, budget lines). */
    public static final int MAX_ITEMS = 200;

    /** The longest item of a list field. */
    public static final int MAX_ITEM_LENGTH = 500;

    /**
     * An e-mail address reminders can be sent to: ASCII, one {@code @}, a domain with a dot (no '|', which separates
     * a reminder message's key, no spaces or quotes).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "\\.[A-Za-z]{2,}");

    /** A telephone number reminders can be sent to by SMS: digits, at most a leading '+' and hyphens. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{4,19}");

    private Check() {
    }

    public static <T> T required(T value, String field, String nameZh) {
        if (value == null) {
            throw new InvalidCommandException(field, nameZh + "不能为空");
        }
        return value;
    }

    public static ProjectId project(ProjectId id) {
        return required(id, "projectId", "项目编号");
    }

    /** A trimmed, non-blank text of at most {@code max} characters. */
    public static String text(String value, String field, String nameZh, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, nameZh + "不能为空");
        }
        String t = value.trim();
        if (t.length() > max) {
            throw new InvalidCommandException(field, nameZh + "不能超过" + max + "字");
        }
        return t;
    }

    /** A trimmed text of at most {@code max} characters, or null when blank. */
    public static String optionalText(String value, String field, String nameZh, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(value, field, nameZh, max);
    }

    public static List<String> items(List<String> values, String field, String nameZh, int maxItems) {
        List<String> list = values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        if (list.size() > maxItems) {
            throw new InvalidCommandException(field, nameZh + "不能超过" + maxItems + "项");
        }
        for (String s : list) {
            if (s.length() > MAX_ITEM_LENGTH) {
                throw new InvalidCommandException(field, nameZh + "每项不能超过" + MAX_ITEM_LENGTH + "字");
            }
        }
        return list;
    }

    /**
     * A declared profile within what can be kept: at most {@value #MAX_ITEMS} items of construction content,
     * performance goals and budget lines, each item at most {@value #MAX_ITEM_LENGTH} characters, and a total
     * investment (the sum of the budget lines) no larger than {@link Money#MAX}, what NUMERIC(16,2) holds.
     */
    public static ProjectProfile profile(ProjectProfile profile) {
        required(profile, "profile", "申报内容");
        items(profile.scopeItems(), "scopeItems", "建设内容", MAX_ITEMS);
        if (profile.performanceGoals().size() > MAX_ITEMS) {
            throw new InvalidCommandException("performanceGoals", "绩效目标不能超过" + MAX_ITEMS + "项");
        }
        distinct(profile.performanceGoals().stream().map(PerformanceGoal::indicator).toList(), "performanceGoals",
                "绩效目标的指标名称");
        if (profile.people() != null) {
            // the people are reminded (Art. 19): their addresses must be ones a reminder can be sent to
            email(profile.people().leader().email(), "people.leader.email", "分管领导的电子邮箱");
            email(profile.people().responsible().email(), "people.responsible.email", "责任人的电子邮箱");
        }
        if (profile.budgetLines().size() > MAX_ITEMS) {
            throw new InvalidCommandException("budgetLines", "预算明细不能超过" + MAX_ITEMS + "条");
        }
        Money total = profile.totalInvestment();
        if (total.exceeds(Money.MAX)) {
            throw new InvalidCommandException("budgetLines", "预算明细合计" + total.toChinese() + "，超过系统可记录的最大金额"
                    + Money.MAX.toChinese());
        }
        return profile;
    }

    /** Refuses a list naming the same thing twice (an indicator reported twice, say), naming the repeated ones. */
    public static void distinct(List<String> names, String field, String nameZh) {
        List<String> repeated = names.stream().filter(n -> names.indexOf(n) != names.lastIndexOf(n)).distinct()
                .toList();
        if (!repeated.isEmpty()) {
            throw new InvalidCommandException(field, nameZh + "不能重复：" + String.join("、", repeated));
        }
    }

    /** The goal-by-goal achievements of a self-inspection (Art. 23): at most one per indicator. */
    public static List<GoalAchievement> achievements(List<GoalAchievement> values) {
        List<GoalAchievement> list = values == null ? List.of() : List.copyOf(values);
        if (list.size() > MAX_ITEMS) {
            throw new InvalidCommandException("goalAchievements", "绩效目标达成情况不能超过" + MAX_ITEMS + "项");
        }
        distinct(list.stream().map(GoalAchievement::indicator).toList(), "goalAchievements", "报告达成情况的指标");
        return list;
    }

    /** The acceptance experts' view of the goals (Art. 24): at most one per indicator. */
    public static List<GoalAssessment> assessments(List<GoalAssessment> values) {
        List<GoalAssessment> list = values == null ? List.of() : List.copyOf(values);
        if (list.size() > MAX_ITEMS) {
            throw new InvalidCommandException("goalAssessments", "专家对绩效目标的意见不能超过" + MAX_ITEMS + "项");
        }
        distinct(list.stream().map(GoalAssessment::indicator).toList(), "goalAssessments", "专家意见所列的指标");
        return list;
    }

    /** A plan year (2000–2100). */
    public static int planYear(int year, String field) {
        if (year < 2000 || year > 2100) {
            throw new InvalidCommandException(field, "计划年度应为2000至2100年");
        }
        return year;
    }

    /** An optional e-mail address reminders can reach (at most 200 characters), or null when blank. */
    public static String email(String value, String field, String nameZh) {
        String t = optionalText(value, field, nameZh, 200);
        if (t != null && !EMAIL.matcher(t).matches()) {
            throw new InvalidCommandException(field, nameZh + "格式不正确（应为如 name@taicang.gov.cn 的地址）");
        }
        return t;
    }

    /** An optional telephone number reminders can reach by SMS, or null when blank. */
    public static String phone(String value, String field, String nameZh) {
        String t = optionalText(value, field, nameZh, 20);
        if (t != null && !PHONE.matcher(t).matches()) {
            throw new InvalidCommandException(field, nameZh + "格式不正确（应为数字，如 13900000000）");
        }
        return t;
    }

    public static Money money(Money value, String field, String nameZh) {
        return required(value, field, nameZh);
    }

    public static LocalDate date(LocalDate value, String field, String nameZh) {
        return required(value, field, nameZh);
    }

    public static Long version(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion < 0) {
            throw new InvalidCommandException("expectedVersion", "版本号不能为负数");
        }
        return expectedVersion;
    }
}
