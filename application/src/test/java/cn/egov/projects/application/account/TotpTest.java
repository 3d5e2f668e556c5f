package cn.egov.projects.application.account;

import cn.egov.projects.application.fake.TestOneTimeCodeMacs;
import cn.egov.projects.application.fake.TotpCodes;
import cn.egov.projects.application.view.OtpAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpTest {

    /** The seed of RFC 4226 appendix D and RFC 6238 appendix B (SHA-1): "12345678901234567890". */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final TestOneTimeCodeMacs MACS = new TestOneTimeCodeMacs();

    private static String code(OtpAlgorithm algorithm, byte[] key, long step, int digits) {
        return Totp.code(counter -> MACS.mac(algorithm, key, counter), step, digits);
    }

    @ParameterizedTest(name = "RFC 4226 HOTP count {0} → {1}")
    @CsvSource({"0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583",
            "8,399871", "9,520489"})
    void hotpVectorsOfRfc4226(long count, String expected) {
        assertThat(code(OtpAlgorithm.SHA1, SEED, count, 6)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "RFC 6238 SHA-1 at {0} s → {1}")
    @CsvSource({"59,94287082", "1111111109,07081804", "1111111111,14050471", "1234567890,89005924",
            "2000000000,69279037", "20000000000,65353130"})
    void totpVectorsOfRfc6238AppendixB(long unixSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(code(OtpAlgorithm.SHA1, SEED, step, 8)).isEqualTo(expected);
        // the 6-digit code is the same value modulo 10^6
        assertThat(code(OtpAlgorithm.SHA1, SEED, step, 6)).isEqualTo(expected.substring(2));
    }

    @ParameterizedTest(name = "HMAC-SM3 at {0} s, computed independently")
    @CsvSource({"59", "1111111109", "1111111111", "1234567890", "2000000000", "20000000000"})
    void sm3CodesMatchAnIndependentComputation(long unixSeconds) {
        String base32 = Totp.base32(SEED);
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        String expected = TotpCodes.ofStep(base32, OtpAlgorithm.SM3, step, 6);
        assertThat(code(OtpAlgorithm.SM3, SEED, step, 6)).isEqualTo(expected).hasSize(6).containsOnlyDigits();
        assertThat(code(OtpAlgorithm.SM3, SEED, step, 8)).isEqualTo(TotpCodes.ofStep(base32, OtpAlgorithm.SM3, step, 8));
        // SM3 and SHA-1 give different codes for the same secret and time
        assertThat(code(OtpAlgorithm.SM3, SEED, step, 8)).isNotEqualTo(code(OtpAlgorithm.SHA1, SEED, step, 8));
        assertThat(MACS.mac(OtpAlgorithm.SM3, SEED, Totp.counter(step))).hasSize(32);
    }

    @Test
    void base32FollowsRfc4648WithoutPadding() {
        // RFC 4648 §10 test vectors, padding removed
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Totp.base32("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
        assertThat(Totp.base32("foo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6");
        assertThat(Totp.base32("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
        assertThat(Totp.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        byte[] random = new byte[Totp.SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        assertThat(Totp.fromBase32(Totp.base32(random))).isEqualTo(random);
        assertThat(Totp.fromBase32("mzxw 6ytb oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Totp.fromBase32("MZ1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUriNamesIssuerAccountAlgorithmDigitsAndPeriod() {
        assertThat(Totp.uri("secadmin", SEED, OtpAlgorithm.SM3)).isEqualTo("otpauth://totp/egov-projects:secadmin"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=egov-projects&algorithm=SM3&digits=6&period=30");
        assertThat(Totp.uri("王 五", SEED, OtpAlgorithm.SHA1)).contains("egov-projects:%E7%8E%8B%20%E4%BA%94")
                .contains("algorithm=SHA1");
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.counter(0x0102030405060708L)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
