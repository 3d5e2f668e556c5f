package cn.egov.projects.web.routes;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("绑定二维码：服务器生成的SVG解码后即为 otpauth 地址")
class QrCodeTest {

    @Test
    @DisplayName("二维码（SVG，data: 地址）逐个模块读回并解码，得到原样的 otpauth 地址")
    void theQrCodeDecodesToTheUri() throws Exception {
        String uri = "otpauth://totp/egov-projects:secadmin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=egov-projects&algorithm=SM3&digits=6&period=30";
        String data = SecondFactorRoutes.qrDataUri(uri);
        assertThat(data).startsWith("data:image/svg+xml;base64,");
        String svg = new String(Base64.getDecoder().decode(data.substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        // the quiet zone is 4 modules on every side; the symbol is what lies inside
        int modules = size - 8;
        BitMatrix matrix = new BitMatrix(modules);
        Matcher dark = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        int count = 0;
        while (dark.find()) {
            matrix.set(Integer.parseInt(dark.group(1)) - 4, Integer.parseInt(dark.group(2)) - 4);
            count++;
        }
        assertThat(count).isGreaterThan(100);
        assertThat(new Decoder().decode(matrix).getText()).isEqualTo(uri);
    }
}
