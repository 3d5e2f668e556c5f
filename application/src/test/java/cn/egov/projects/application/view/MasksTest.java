package cn.egov.projects.application.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasksTest {

    @Test
    @DisplayName("手机号码保留前三位和后四位：139****5678")
    void mobile() {
        assertThat(Masks.mobile("13912345678")).isEqualTo("139****5678");
        assertThat(Masks.mobile("12345")).isEqualTo("***45");
        assertThat(Masks.mobile("")).isEmpty();
        assertThat(Masks.mobile(null)).isNull();
    }

    @Test
    @DisplayName("电子邮箱保留本地部分的第一个字符和域名：z***@example.cn")
    void email() {
        assertThat(Masks.email("zhangsan@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masks.email("z@example.cn")).isEqualTo("z***@example.cn");
        assertThat(Masks.email("𠀀abc@例子.cn")).isEqualTo("𠀀***@例子.cn");
        assertThat(Masks.email("no-at-sign")).isEqualTo("n***");
        assertThat(Masks.email("@example.cn")).isEqualTo("@***");
        assertThat(Masks.email(null)).isNull();
    }

    @Test
    @DisplayName("身份证号码保留前四位和后四位：3205**********1234")
    void idNumber() {
        assertThat(Masks.idNumber("320582199001011234")).isEqualTo("3205**********1234");
        assertThat(Masks.idNumber("32058219900101123X")).isEqualTo("3205**********123X");
        assertThat(Masks.idNumber("1234")).isEqualTo("***4");
        assertThat(Masks.idNumber(null)).isNull();
    }

    @Test
    @DisplayName("日志中的文字：其中的邮箱和手机号码被遮蔽")
    void redact() {
        assertThat(Masks.redact("550 5.1.1 <zhangsan@example.cn>: user unknown; sms 13912345678 failed"))
                .isEqualTo("550 5.1.1 <z***@example.cn>: user unknown; sms 139****5678 failed");
        assertThat(Masks.redact("order 213912345678 ok")).isEqualTo("order 213912345678 ok");
        // a number at either end of the text, and one beside letters, are found by the quick scan too
        assertThat(Masks.redact("13912345678")).isEqualTo("139****5678");
        assertThat(Masks.redact("tel:13912345678")).isEqualTo("tel:139****5678");
        assertThat(Masks.redact("id=a13912345678b")).isEqualTo("id=a139****5678b");
        assertThat(Masks.redact("audit 72561 SIGN_CONTRACT user=d92d57a8 request=bench")).isEqualTo(
                "audit 72561 SIGN_CONTRACT user=d92d57a8 request=bench");
        assertThat(Masks.recipient("13912345678")).isEqualTo("139****5678");
        assertThat(Masks.recipient("li@tc.gov.cn")).isEqualTo("l***@tc.gov.cn");
    }
}
