package cn.egov.projects.web.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("客户端地址：IP地址的严格解析与规范写法，X-Forwarded-For的取舍")
class ClientOriginTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, fd00::/8");

    private static String canonical(String text) {
        byte[] bytes = IpLiterals.parse(text);
        return bytes == null ? null : IpLiterals.format(bytes);
    }

    @Test
    @DisplayName("IPv4与IPv6地址严格解析并按RFC 5952写出；主机名、前导零、区域标识等一律不认")
    void literals() {
        assertThat(canonical("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(canonical("2001:0DB8:0000:0000:0000:0000:0000:0001")).isEqualTo("2001:db8::1");
        assertThat(canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(canonical("::")).isEqualTo("::");
        assertThat(canonical("1::")).isEqualTo("1::");
        assertThat(canonical("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(canonical("64:ff9b::192.0.2.1")).isEqualTo("64:ff9b::c000:201");
        for (String bad : List.of("", "localhost", "evil.example", "beef", "192.0.2", "192.0.2.256", "01.2.3.4",
                "1.2.3.4.5", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", "::1.2.3",
                "1.2.3.4::", " 1 .2.3.4")) {
            assertThat(IpLiterals.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    @DisplayName("X-Forwarded-For的元素可以带端口或方括号")
    void forwardedElements() {
        assertThat(IpLiterals.format(IpLiterals.parseForwarded("203.0.113.7:4711"))).isEqualTo("203.0.113.7");
        assertThat(IpLiterals.format(IpLiterals.parseForwarded("[2001:db8::1]:443"))).isEqualTo("2001:db8::1");
        assertThat(IpLiterals.format(IpLiterals.parseForwarded("[2001:db8::1]"))).isEqualTo("2001:db8::1");
        assertThat(IpLiterals.parseForwarded("unknown")).isNull();
        assertThat(IpLiterals.parseForwarded("_hidden")).isNull();
        assertThat(IpLiterals.parseForwarded("[203.0.113.7]")).isNull();
        assertThat(IpLiterals.parseForwarded("203.0.113.7:http")).isNull();
    }

    @Test
    @DisplayName("客户端是X-Forwarded-For最右边的非代理地址；客户端自己写在左边的地址不起作用")
    void rightMostUntrusted() {
        assertThat(ClientOrigin.client(List.of("203.0.113.9"), "10.0.0.2", PROXIES)).isEqualTo("203.0.113.9");
        // the client wrote "1.1.1.1" itself; the proxy appended the address it saw
        assertThat(ClientOrigin.client(List.of("1.1.1.1, 203.0.113.9"), "10.0.0.2", PROXIES)).isEqualTo("203.0.113.9");
        // two proxies of ours in a row, the header split over two lines
        assertThat(ClientOrigin.client(List.of("1.1.1.1, 203.0.113.9", "10.1.1.1"), "10.0.0.2", PROXIES))
                .isEqualTo("203.0.113.9");
        // a proxy that says it does not know: the proxy is the client
        assertThat(ClientOrigin.client(List.of("203.0.113.9, unknown"), "10.0.0.2", PROXIES)).isEqualTo("10.0.0.2");
        assertThat(ClientOrigin.client(List.of("unknown, 10.1.1.1"), "10.0.0.2", PROXIES)).isEqualTo("10.1.1.1");
        // every hop is ours: the left-most
        assertThat(ClientOrigin.client(List.of("10.9.9.9, fd00::1"), "10.0.0.2", PROXIES)).isEqualTo("10.9.9.9");
        assertThat(ClientOrigin.client(List.of(), "10.0.0.2", PROXIES)).isEqualTo("10.0.0.2");
        assertThat(ClientOrigin.client(List.of(""), "10.0.0.2", PROXIES)).isEqualTo("10.0.0.2");
    }

    @Test
    @DisplayName("受信任代理按网段判断，IPv4映射的IPv6地址按IPv4判断")
    void trustedBlocks() {
        assertThat(PROXIES.contains(IpLiterals.parse("10.255.255.255"))).isTrue();
        assertThat(PROXIES.contains(IpLiterals.parse("11.0.0.0"))).isFalse();
        assertThat(PROXIES.contains(IpLiterals.parse("::ffff:10.1.2.3"))).isTrue();
        assertThat(PROXIES.contains(IpLiterals.parse("fdff::1"))).isTrue();
        assertThat(PROXIES.contains(IpLiterals.parse("fe00::1"))).isFalse();
        assertThat(TrustedProxies.parse("10.0.0.0/31").contains(IpLiterals.parse("10.0.0.1"))).isTrue();
        assertThat(TrustedProxies.parse("10.0.0.0/31").contains(IpLiterals.parse("10.0.0.2"))).isFalse();
        assertThat(TrustedProxies.NONE.contains(IpLiterals.parse("127.0.0.1"))).isFalse();
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    }
}
