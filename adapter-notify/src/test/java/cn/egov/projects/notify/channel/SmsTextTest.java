package cn.egov.projects.notify.channel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTest {

    @Test
    @DisplayName("70个汉字以内一条短信，UCS-2编码，不加消息头")
    void upToSeventyCharactersIsOneMessage() {
        String text = "电".repeat(70);
        assertThat(SmsText.parts(text)).containsExactly(text);
        List<byte[]> encoded = SmsText.encode(text, 7);
        assertThat(encoded).hasSize(1);
        assertThat(encoded.get(0)).hasSize(140).isEqualTo(text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Test
    @DisplayName("超过70字拆为每段67字的长短信，每段带6字节级联消息头")
    void longerTextIsConcatenated() {
        String text = "政".repeat(71);
        assertThat(SmsText.parts(text)).containsExactly("政".repeat(67), "政".repeat(4));
        List<byte[]> encoded = SmsText.encode(text, 0x2A);
        assertThat(encoded).hasSize(2);
        assertThat(Arrays.copyOf(encoded.get(0), 6)).containsExactly(0x05, 0x00, 0x03, 0x2A, 2, 1);
        assertThat(Arrays.copyOf(encoded.get(1), 6)).containsExactly(0x05, 0x00, 0x03, 0x2A, 2, 2);
        assertThat(encoded.get(0)).hasSize(6 + 134);
        assertThat(new String(encoded.get(1), 6, encoded.get(1).length - 6, StandardCharsets.UTF_16BE))
                .isEqualTo("政".repeat(4));
    }

    @Test
    @DisplayName("不在代理对中间拆分")
    void surrogatePairsStayWhole() {
        String text = "a".repeat(66) + "\uD842\uDFB7" + "b".repeat(10);
        List<String> parts = SmsText.parts(text);
        assertThat(parts.get(0)).hasSize(66);
        assertThat(parts.get(1)).startsWith("\uD842\uDFB7");
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    @DisplayName("超过5段的内容截短并以省略号结尾")
    void overlongTextIsShortened() {
        String text = "项".repeat(400);
        String fitted = SmsText.fitted(text);
        assertThat(fitted).hasSize(67 * 5).endsWith("…");
        assertThat(SmsText.parts(text)).hasSize(5);
    }
}
