package cn.egov.projects.domain.project;

import java.util.regex.Pattern;

/** A person accountable for a project (Art. 19), reachable by mobile and e-mail for reminders. */
public record Person(String name, String mobile, String email) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Person {
        name = name == null ? "" : name.trim();
        if (name.isEmpty() || name.length() > 50) {
            throw new IllegalArgumentException("姓名不能为空且不超过50字");
        }
        if (mobile == null || !MOBILE.matcher(mobile).matches()) {
            throw new IllegalArgumentException("手机号码应为11位中国大陆手机号: " + mobile);
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("电子邮箱格式不正确: " + email);
        }
    }
}
