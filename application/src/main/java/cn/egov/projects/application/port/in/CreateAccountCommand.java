package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;

/** A new account: its username, name, role, unit, contacts and initial password (at least 12 characters). */
public record CreateAccountCommand(String username, String displayName, Role role, UnitId unit, String mobile,
                                   String email, char[] password) {

    /** The longest username: no account has a longer one, so a longer one never signs anybody in. */
    public static final int MAX_USERNAME = 64;

    public CreateAccountCommand {
        username = Check.text(username, "username", "用户名", MAX_USERNAME);
        if (!username.matches("[A-Za-z0-9._-]{3,64}")) {
            throw new InvalidCommandException("username", "用户名应为3至64位字母、数字、点、下划线或连字符");
        }
        displayName = Check.text(displayName, "displayName", "姓名", 50);
        role = Check.required(role, "role", "角色");
        unit = Check.required(unit, "unit", "单位");
        mobile = Check.phone(mobile, "mobile", "手机号码");
        email = Check.email(email, "email", "电子邮箱");
        if (password == null || password.length < 12) {
            throw new InvalidCommandException("password", "密码至少12位");
        }
    }
}
