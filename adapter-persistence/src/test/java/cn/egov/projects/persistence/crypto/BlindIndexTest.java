package cn.egov.projects.persistence.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("盲索引：HMAC-SM3，密钥由数据密钥文件的 k1 导出；同值同索引，轮换后不变，没有 k1 时拒绝")
class BlindIndexTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[16];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static DataKeys keys(Map<String, byte[]> keys) {
        return DataKeys.of(keys);
    }

    private static String hmacSm3(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HMACSM3", new BouncyCastleProvider());
        mac.init(new SecretKeySpec(key, "HMACSM3"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("索引为 HMAC-SM3(HMAC-SM3(k1, 标签), 值)，与独立计算一致；同值同索引，不同值不同")
    void indexIsTheKeyedSm3OfTheValue() throws Exception {
        BlindIndex index = new BlindIndex(keys(Map.of("k1", key(7))), "reminder-recipient");
        byte[] derived = HexFormat.of().parseHex(hmacSm3(key(7), "egov|blind-index|v1|reminder-recipient"));
        assertThat(index.of("li@tc.gov.cn")).isEqualTo(hmacSm3(derived, "li@tc.gov.cn")).hasSize(64)
                .isEqualTo(index.of("li@tc.gov.cn")).isNotEqualTo(index.of("wang@tc.gov.cn"))
                .doesNotContain("li");
        assertThat(new BlindIndex(keys(Map.of("k1", key(7))), "other").of("li@tc.gov.cn"))
                .as("another purpose, another index").isNotEqualTo(index.of("li@tc.gov.cn"));
        assertThat(new BlindIndex(keys(Map.of("k1", key(8))), "reminder-recipient").of("li@tc.gov.cn"))
                .as("another key file, another index").isNotEqualTo(index.of("li@tc.gov.cn"));
    }

    @Test
    @DisplayName("轮换加入新密钥后索引不变；密钥文件缺 k1 时拒绝")
    void rotationKeepsTheIndex() {
        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("k1", key(7));
        rotated.put("k2", key(9));
        assertThat(new BlindIndex(keys(rotated), "reminder-recipient").of("13911112222"))
                .isEqualTo(new BlindIndex(keys(Map.of("k1", key(7))), "reminder-recipient").of("13911112222"));
        assertThatThrownBy(() -> new BlindIndex(keys(Map.of("k2", key(9))), "reminder-recipient"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k1");
    }
}
