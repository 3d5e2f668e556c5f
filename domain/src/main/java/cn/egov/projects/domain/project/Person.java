package cn.egov.projects.domain.project;

import java.util.regex.Pattern;

/**
 * A person accountable for a project (Art. 19), reachable by mobile and e-mail for reminders. The name and the
 * address are bounded by what their columns and the reminders' recipient column hold; a refusal does not repeat
 * the input.
 */
public record Person(String name, String mobile, String email) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** The longest e-mail address kept (the reminders address at most 320 characters; accounts 200). */
    public static final int MAX_EMAIL = 200;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Person {
        name = name == null ? "" : name.trim();
        if (name.isEmpty() || name.length() > 50) {
            throw new IllegalArgumentException("姓名不能为空且不超过50字");
        }
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            throw new IllegalArgumentException("手机号码应为11位中国大陆手机号");
        }
        if (email != null && email.length() > MAX_EMAIL) {
            throw new IllegalArgumentException("电子邮箱不能超过" + MAX_EMAIL + "个字符");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("电子邮箱格式不正确");
        }
    }
}
