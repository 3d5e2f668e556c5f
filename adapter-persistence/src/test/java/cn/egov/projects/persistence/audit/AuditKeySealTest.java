package cn.egov.projects.persistence.audit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A seal is HMAC-SM3 under the key, the same on every call and every thread, whatever was sealed before. */
class AuditKeySealTest {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    private static String hmacSm3(byte[] key, String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Test
    void eachSealIsAFreshHmacOfItsTextUnderTheKey() {
        AuditKey key = AuditKey.of(KEY);
        String long1 = "record\n" + "审计记录".repeat(200);
        String[] texts = {"record\n1|2026-12-06", long1, "", "record\n1|2026-12-06", "链接\n" + long1};
        for (String text : texts) {
            assertThat(key.seal(text)).as(text.length() + " characters").isEqualTo(hmacSm3(KEY, text)).hasSize(64);
        }
        // another key seals the same text otherwise
        byte[] other = KEY.clone();
        other[0] = 1;
        assertThat(AuditKey.of(other).seal("record\n1")).isEqualTo(hmacSm3(other, "record\n1"))
                .isNotEqualTo(key.seal("record\n1"));
    }

    @Test
    void threadsSealingAtOnceGetTheSameSeals() throws Exception {
        AuditKey key = AuditKey.of(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String text = "record\n" + thread + "|" + i;
                        if (!key.seal(text).equals(hmacSm3(KEY, text))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
