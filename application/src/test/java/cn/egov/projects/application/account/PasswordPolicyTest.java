package cn.egov.projects.application.account;

import cn.egov.projects.application.error.PasswordRejectedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private void accepted(String username, String password) {
        assertThatCode(() -> policy.check(username, password.toCharArray(), "password")).doesNotThrowAnyException();
    }

    private PasswordRejectedException refused(String username, String password) {
        try {
            policy.check(username, password.toCharArray(), "password");
        } catch (PasswordRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted: " + password);
    }

    @Test
    @DisplayName("默认值即整改要求：最近5次、90天更换、90天未登录停用")
    void standardValues() {
        assertThat(policy.historyCount()).isEqualTo(5);
        assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.dormantAfter()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    @DisplayName("少于12位或多于128位：PASSWORD_TOO_WEAK，中文说明长度")
    void length() {
        PasswordRejectedException shortOne = refused("zhang", "Abcdefgh12!");
        assertThat(shortOne.code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(shortOne.messageZh()).isEqualTo("密码长度应为12至128个字符");
        accepted("zhang", "Abcdefgh123!");
        accepted("zhang", "Aa1" + "x".repeat(125));
        assertThat(refused("zhang", "Aa1" + "x".repeat(126)).code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(refused("zhang", "").code()).isEqualTo("PASSWORD_TOO_WEAK");
    }

    @ParameterizedTest(name = "只有两类字符：{0}")
    @ValueSource(strings = {"abcdefghijkl", "ABCDEFGHIJKL", "123456789012", "abcdefgh1234", "ABCDEFGH1234",
            "abcdefGHIJKL", "abcdef-ghijk", "ABCDEF-GHIJK", "123456-78901", "密码密码密码密码密码密码", "abcdef密码ghijk"})
    @DisplayName("四类字符（大写、小写、数字、其他）少于三类：PASSWORD_TOO_WEAK")
    void fewerThanThreeClasses(String password) {
        PasswordRejectedException e = refused("zhang", password);
        assertThat(e.code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(e.messageZh()).contains("大写字母、小写字母、数字、其他字符").contains("三类");
        assertThat(e.field()).isEqualTo("password");
    }

    @ParameterizedTest(name = "三类或四类：{0}")
    @ValueSource(strings = {"abcdefGHIJ12", "abcdefgh12-!", "ABCDEFGH12-!", "abcdefGHIJ-!", "Abcdefgh12-!",
            "abcdefgh1234密", "ABCDEFGH密码12", "abcdef密码GHIJ", "abcd efgh 12"})
    @DisplayName("三类即可；汉字、空格和其他非ASCII字母算作“其他字符”")
    void threeClasses(String password) {
        accepted("zhang", password);
    }

    @Test
    @DisplayName("非ASCII字母（如é、Ä）不算大小写字母，算“其他字符”")
    void accentedLettersAreOther() {
        assertThat(PasswordPolicy.classes("éééééééééééé".toCharArray())).isEqualTo(1);
        assertThat(PasswordPolicy.classes("Ää1".toCharArray())).isEqualTo(2);
        assertThat(PasswordPolicy.classes("Ää1a".toCharArray())).isEqualTo(3);
        assertThat(refused("zhang", "ÄÖÜäöüÄÖÜäöü").code()).isEqualTo("PASSWORD_TOO_WEAK");
    }

    @Test
    @DisplayName("含用户名（不区分大小写）：PASSWORD_CONTAINS_USERNAME")
    void containsUsername() {
        PasswordRejectedException e = refused("zhang.san", "My-ZHANG.SAN-2025");
        assertThat(e.code()).isEqualTo("PASSWORD_CONTAINS_USERNAME");
        assertThat(e.messageZh()).isEqualTo("密码不能包含用户名（不区分大小写）");
        assertThat(refused("admin", "xxAdMiNxx12!").code()).isEqualTo("PASSWORD_CONTAINS_USERNAME");
        accepted("admin", "xxAdM1Nxx12!");
        // a password merely as long as the username's start does not match
        accepted("zhang.san", "Zhang-2025-san");
    }

    @Test
    @DisplayName("历史条数、有效期、停用天数须为正，历史最多24")
    void bounds() {
        assertThatThrownBy(() -> new PasswordPolicy(0, Duration.ofDays(90), Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(25, Duration.ofDays(90), Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(5, Duration.ZERO, Duration.ofDays(90)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("重复使用的提示写明最近几次")
    void reusedMessage() {
        PasswordRejectedException e = policy.reused("newPassword");
        assertThat(e.code()).isEqualTo("PASSWORD_REUSED");
        assertThat(e.messageZh()).isEqualTo("新密码不能与最近5次使用过的密码相同");
        assertThat(e.field()).isEqualTo("newPassword");
    }
}
