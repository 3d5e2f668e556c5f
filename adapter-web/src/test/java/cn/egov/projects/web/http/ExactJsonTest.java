package cn.egov.projects.web.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("精确的JSON读取")
class ExactJsonTest {

    @Test
    @DisplayName("小数按原文读成BigDecimal，整数保持整数")
    void decimalsKeepTheirText() {
        JsonObject o = ExactJson.object(Buffer.buffer(
                "{\"a\": 0.1, \"b\": 800000.10, \"c\": 12, \"d\": [1.005, {\"e\": 99999999999999999.99}]}"));

        assertThat(o.getValue("a")).isEqualTo(new BigDecimal("0.1"));
        assertThat(o.getValue("b")).isEqualTo(new BigDecimal("800000.10"));
        assertThat(o.getValue("c")).isEqualTo(12);
        assertThat(o.getJsonArray("d").getValue(0)).isEqualTo(new BigDecimal("1.005"));
        assertThat(o.getJsonArray("d").getJsonObject(1).getValue("e"))
                .isEqualTo(new BigDecimal("99999999999999999.99"));
    }

    @Test
    @DisplayName("空内容是空对象")
    void emptyIsEmptyObject() {
        assertThat(ExactJson.object(Buffer.buffer())).isEqualTo(new JsonObject());
        assertThat(ExactJson.object(Buffer.buffer("  "))).isEqualTo(new JsonObject());
    }

    @Test
    @DisplayName("重复的键、多余的内容、非对象都被拒绝")
    void refusals() {
        assertThatThrownBy(() -> ExactJson.object(Buffer.buffer("{\"a\":1,\"a\":2}")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ExactJson.object(Buffer.buffer("{} {}")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ExactJson.object(Buffer.buffer("\"text\"")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ExactJson.object(Buffer.buffer("{\"a\": tru}")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    @DisplayName("不成对的代理码元（转义写出）和无效的UTF-8被拒绝，成对的（如𠀀、表情）照常读取")
    void unpairedSurrogatesAndMalformedUtf8AreRefused() {
        for (String body : new String[]{"{\"name\": \"a\\uD800b\"}", "{\"name\": \"end\\uD83C\"}",
                "{\"name\": \"\\uDC00x\"}", "{\"x\\uDFFF\": 1}", "{\"a\": [\"ok\", {\"b\": \"\\uDBFF\\u0041\"}]}"}) {
            assertThatThrownBy(() -> ExactJson.object(Buffer.buffer(body))).as(body)
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("unpaired UTF-16 surrogate")
                    .satisfies(e -> assertThat(((BadRequestException) e).messageZh()).contains("不成对的代理码元"));
        }
        // bytes that are not UTF-8: a lone continuation byte (the parser refuses it), and a surrogate encoded in
        // three bytes, which the parser reads as that surrogate and the check refuses
        assertThatThrownBy(() -> ExactJson.object(Buffer.buffer(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0x80,
                '"', '}'}))).isInstanceOf(BadRequestException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> ExactJson.object(Buffer.buffer(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED,
                (byte) 0xA0, (byte) 0x80, '"', '}'}))).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("unpaired UTF-16 surrogate U+D800");
        JsonObject ok = ExactJson.object(Buffer.buffer("{\"name\": \"平台\\uD83C\\uDFDB𠀀\", \"e\": \"🏛\"}"));
        assertThat(ok.getString("name")).isEqualTo("平台🏛𠀀");
        assertThat(ok.getString("e")).isEqualTo("🏛");
    }
}
