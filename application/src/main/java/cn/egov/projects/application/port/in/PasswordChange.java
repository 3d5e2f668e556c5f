package cn.egov.projects.application.port.in;

/**
 * Why a person who signed in must change the password before doing anything else (等保 2.0 level 3, 身份鉴别).
 */
public enum PasswordChange {
    /** The password was set by somebody else: an administrator created the account or reset the password. */
    INITIAL("该密码由管理员设置，首次登录须修改密码"),
    /** The password is older than the policy's longest age. */
    EXPIRED("密码已超过有效期，须修改密码");

    private final String zh;

    PasswordChange(String zh) {
        this.zh = zh;
    }

    /** What the person is told, in Chinese. */
    public String zh() {
        return zh;
    }
}
