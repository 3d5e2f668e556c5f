package cn.egov.projects.bootstrap;

import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.web.http.IpLiterals;
import cn.egov.projects.web.http.TrustedProxies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("启动配置：环境变量与命令行参数")
class SettingsTest {

    private static Settings parse(Map<String, String> env, String... args) {
        return Settings.parse(List.of(args), env);
    }

    @Test
    @DisplayName("什么都不给时：端口8080，工作目录下./data的内置H2数据库，太仓政策包，无日历目录")
    void defaults() {
        Settings s = parse(Map.of());

        assertThat(s.command()).isEqualTo(Settings.Command.SERVE);
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.source(Settings.Key.HTTP_PORT)).isEqualTo("default");
        assertThat(s.dbUrl()).isEmpty();
        DatabaseSettings db = s.database();
        assertThat(db.url()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().normalize())
                .contains("MODE=PostgreSQL");
        assertThat(s.databaseSource()).contains("default");
        assertThat(s.policyFile()).isEmpty();
        assertThat(s.calendarDir()).isEmpty();
        assertThat(s.admin()).isEmpty();
    }

    @Test
    @DisplayName("环境变量生效，命令行参数优先，两种参数写法都可以")
    void environmentAndFlags() {
        Map<String, String> env = Map.of("EGOV_HTTP_PORT", "9090", "EGOV_DB_URL", "jdbc:postgresql://db/egov",
                "EGOV_DB_USER", "egov", "EGOV_DB_PASSWORD", "s3cret", "EGOV_POLICY", "/etc/egov/pack.json",
                "EGOV_CALENDAR_DIR", "/etc/egov/calendar");

        Settings fromEnv = parse(env);
        Settings flagsWin = parse(env, "--http-port", "9191", "--db-url=jdbc:postgresql://other/egov",
                "--policy", "other.json");

        assertThat(fromEnv.httpPort()).isEqualTo(9090);
        assertThat(fromEnv.source(Settings.Key.HTTP_PORT)).isEqualTo("EGOV_HTTP_PORT");
        assertThat(fromEnv.database()).isEqualTo(new DatabaseSettings("jdbc:postgresql://db/egov", "egov", "s3cret"));
        assertThat(fromEnv.policyFile()).contains(Path.of("/etc/egov/pack.json"));
        assertThat(fromEnv.calendarDir()).contains(Path.of("/etc/egov/calendar"));
        assertThat(flagsWin.httpPort()).isEqualTo(9191);
        assertThat(flagsWin.source(Settings.Key.HTTP_PORT)).isEqualTo("--http-port");
        assertThat(flagsWin.database().url()).isEqualTo("jdbc:postgresql://other/egov");
        assertThat(flagsWin.database().user()).isEqualTo("egov");
        assertThat(flagsWin.databaseSource()).isEqualTo("--db-url");
        assertThat(flagsWin.policyFile()).contains(Path.of("other.json"));
    }

    @Test
    @DisplayName("空白的环境变量视为未设置")
    void blankEnvironmentIsUnset() {
        Settings s = parse(Map.of("EGOV_HTTP_PORT", " ", "EGOV_POLICY", ""));

        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.policyFile()).isEmpty();
    }

    @Test
    @DisplayName("内置数据库也可以设用户和密码")
    void embeddedDatabaseWithCredentials() {
        Settings s = parse(Map.of("EGOV_DB_USER", "owner", "EGOV_DB_PASSWORD", "pw"));

        assertThat(s.database().url()).startsWith("jdbc:h2:file:");
        assertThat(s.database().user()).isEqualTo("owner");
        assertThat(s.database().password()).isEqualTo("pw");
    }

    @Test
    @DisplayName("端口不是数字或超出范围：说明哪个值、从哪里来")
    void badPort() {
        assertThatThrownBy(() -> parse(Map.of("EGOV_HTTP_PORT", "eighty")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("HTTP port 'eighty' is not a number (EGOV_HTTP_PORT)");
        assertThatThrownBy(() -> parse(Map.of(), "--http-port", "70000"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("HTTP port 70000 is out of range 1-65535 (--http-port)");
        assertThatThrownBy(() -> parse(Map.of(), "--http-port=0"))
                .hasMessageContaining("out of range");
    }

    @Test
    @DisplayName("未知参数、缺值、重复、多余的位置参数都被拒绝")
    void badCommandLines() {
        assertThatThrownBy(() -> parse(Map.of(), "--port", "80"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("unknown option '--port'").hasMessageContaining("--http-port");
        assertThatThrownBy(() -> parse(Map.of(), "--policy"))
                .hasMessage("option --policy needs a value on the command line");
        assertThatThrownBy(() -> parse(Map.of(), "--policy", "a", "--policy", "b"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse(Map.of(), "serve"))
                .hasMessageContaining("unexpected argument 'serve'");
        assertThatThrownBy(() -> parse(Map.of(), "--policy="))
                .hasMessageContaining("empty value for --policy");
        assertThatThrownBy(() -> parse(Map.of(), "--username", "admin"))
                .hasMessageContaining("unknown option '--username'");
    }

    @Test
    @DisplayName("create-admin 子命令读取管理员的用户名、姓名和单位，并共用数据库设置")
    void createAdmin() {
        Settings s = parse(Map.of("EGOV_DB_URL", "jdbc:h2:mem:x"), "create-admin", "--username", "admin",
                "--name", "管理员", "--unit", "TC-DSJ", "--email=admin@tc.gov.cn");

        assertThat(s.command()).isEqualTo(Settings.Command.CREATE_ADMIN);
        assertThat(s.admin()).contains(new Settings.Admin("admin", "管理员", "TC-DSJ", null, "admin@tc.gov.cn", "ADMIN"));
        assertThat(s.database().url()).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    @DisplayName("create-admin 缺少必填参数时说明缺哪个")
    void createAdminNeedsItsFlags() {
        assertThatThrownBy(() -> parse(Map.of(), "create-admin", "--username", "admin", "--name", "管理员"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("create-admin needs --unit on the command line");
        assertThatThrownBy(() -> parse(Map.of(), "create-admin", "--username", "admin", "--name", "管理员",
                "--unit", "TC-DSJ", "--rank", "ADMIN"))
                .hasMessageContaining("unknown option '--rank'");
        // the three administrators (三员分立): --role picks which one; ADMIN when not given
        assertThat(parse(Map.of(), "create-admin", "--username", "sec", "--name", "安全", "--unit", "TC-DSJ",
                "--role", "SECURITY_ADMIN").admin()).map(Settings.Admin::role).contains("SECURITY_ADMIN");
    }

    @Test
    @DisplayName("受信任的代理：默认不信任任何代理；IPv4、IPv6地址和网段，逗号分隔，参数优先；写入启动日志")
    void trustedProxies() {
        assertThat(parse(Map.of()).web().web().trustedProxies().isEmpty()).isTrue();
        assertThat(parse(Map.of()).toString()).contains("trustedProxies=none");

        Settings s = parse(Map.of("EGOV_TRUSTED_PROXIES", " 10.0.0.5, 172.16.0.0/12 ,2001:DB8::/32,::1 "));
        TrustedProxies proxies = s.web().web().trustedProxies();
        assertThat(proxies.toString()).isEqualTo("10.0.0.5,172.16.0.0/12,2001:db8::/32,::1");
        assertThat(proxies.contains(IpLiterals.parse("10.0.0.5"))).isTrue();
        assertThat(proxies.contains(IpLiterals.parse("10.0.0.6"))).isFalse();
        assertThat(proxies.contains(IpLiterals.parse("172.31.255.1"))).isTrue();
        assertThat(proxies.contains(IpLiterals.parse("172.32.0.1"))).isFalse();
        assertThat(proxies.contains(IpLiterals.parse("2001:db8:ffff::7"))).isTrue();
        assertThat(proxies.contains(IpLiterals.parse("::ffff:10.0.0.5"))).isTrue();
        assertThat(s.toString()).contains("trustedProxies=10.0.0.5,172.16.0.0/12,2001:db8::/32,::1");

        Settings flag = parse(Map.of("EGOV_TRUSTED_PROXIES", "10.0.0.5"), "--trusted-proxies=192.168.1.0/24");
        assertThat(flag.web().web().trustedProxies().toString()).isEqualTo("192.168.1.0/24");
        assertThat(flag.source(Settings.Key.TRUSTED_PROXIES)).isEqualTo("--trusted-proxies");
    }

    @Test
    @DisplayName("受信任的代理写错时一行说明哪个值、为什么、从哪里来；不接受主机名和信任所有地址")
    void badTrustedProxies() {
        assertThatThrownBy(() -> parse(Map.of("EGOV_TRUSTED_PROXIES", "10.0.0.5,proxy.tc.gov.cn")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("trusted proxies: 'proxy.tc.gov.cn' is not an IP address or CIDR block (e.g. 10.0.0.5, "
                        + "10.0.0.0/8, fd00::/8); host names are not accepted (EGOV_TRUSTED_PROXIES)");
        assertThatThrownBy(() -> parse(Map.of(), "--trusted-proxies", "10.0.0.0/33"))
                .hasMessage("trusted proxies: '10.0.0.0/33' has a bad prefix length: it must be 0-32 "
                        + "(--trusted-proxies)");
        assertThatThrownBy(() -> parse(Map.of(), "--trusted-proxies", "192.168.1.10/24"))
                .hasMessage("trusted proxies: '192.168.1.10/24' has host bits set; did you mean 192.168.1.0/24? "
                        + "(--trusted-proxies)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_TRUSTED_PROXIES", "0.0.0.0/0")))
                .hasMessageContaining("would trust every address");
        assertThatThrownBy(() -> parse(Map.of("EGOV_TRUSTED_PROXIES", "::/0")))
                .hasMessageContaining("would trust every address");
        for (String bad : List.of("256.1.1.1", "10.0.0", "010.0.0.1", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "::1/",
                "10.0.0.1/x", "2001:db8:::1")) {
            assertThatThrownBy(() -> parse(Map.of("EGOV_TRUSTED_PROXIES", bad)))
                    .as(bad).isInstanceOf(SettingsException.class).hasMessageStartingWith("trusted proxies: '" + bad)
                    .hasMessageEndingWith("(EGOV_TRUSTED_PROXIES)").hasMessageNotContaining("\n");
        }
    }

    @Test
    @DisplayName("配置的文字说明里没有数据库密码")
    void noPasswordInToString() {
        Settings s = parse(Map.of("EGOV_DB_URL", "jdbc:postgresql://db/egov", "EGOV_DB_PASSWORD", "s3cret"));

        assertThat(s.toString()).doesNotContain("s3cret").contains("EGOV_DB_URL");
    }

    @Test
    @DisplayName("提醒默认：邮件和短信写日志，同日合并，08:00发送，21:00至08:00不发短信，最多重试8次")
    void reminderDefaults() {
        ReminderConfig r = parse(Map.of(), "--http-port", "9000").reminders();

        assertThat(r.mail()).isEmpty();
        assertThat(r.smsMode()).isEqualTo(ReminderConfig.SmsMode.LOG);
        assertThat(r.engine().digest()).isTrue();
        assertThat(r.engine().sendAt()).isEqualTo(java.time.LocalTime.of(8, 0));
        assertThat(r.engine().quietHours().start()).isEqualTo(java.time.LocalTime.of(21, 0));
        assertThat(r.engine().quietHours().end()).isEqualTo(java.time.LocalTime.of(8, 0));
        assertThat(r.engine().maxAttempts()).isEqualTo(8);
        assertThat(r.engine().baseUrl()).isEqualTo("http://localhost:9000");
        assertThat(r.engine().catchUpDays()).isEqualTo(31);
        assertThat(r.engine().retention()).isEqualTo(java.time.Period.ofYears(2));
        assertThat(r.emailSender()).isInstanceOf(cn.egov.projects.notify.channel.LogEmailSender.class);
        assertThat(r.smsSender()).isInstanceOf(cn.egov.projects.notify.channel.LogSmsSender.class);
    }

    @Test
    @DisplayName("邮件服务器、短信中心和云短信的设置；文字说明里没有密码和密钥")
    void reminderChannels() {
        Settings smtp = parse(Map.of("EGOV_SMTP_HOST", "mail.tc.gov.cn", "EGOV_SMTP_SECURITY", "tls",
                "EGOV_SMTP_USER", "egov", "EGOV_SMTP_PASSWORD", "mail-secret", "EGOV_MAIL_FROM", "egov@tc.gov.cn",
                "EGOV_BASE_URL", "https://egov.tc.gov.cn/", "EGOV_REMINDER_DIGEST", "off",
                "EGOV_QUIET_HOURS", "22:00-07:30", "EGOV_REMINDER_SEND_AT", "08:30"));
        var mail = smtp.reminders().mail().orElseThrow();
        assertThat(mail.host()).isEqualTo("mail.tc.gov.cn");
        assertThat(mail.port()).isEqualTo(465);
        assertThat(mail.security()).isEqualTo(cn.egov.projects.notify.channel.MailSettings.Security.TLS);
        assertThat(mail.username()).isEqualTo("egov");
        assertThat(mail.from()).isEqualTo("egov@tc.gov.cn");
        assertThat(smtp.reminders().engine().baseUrl()).isEqualTo("https://egov.tc.gov.cn");
        assertThat(smtp.reminders().engine().digest()).isFalse();
        assertThat(smtp.reminders().engine().quietHours().end()).isEqualTo(java.time.LocalTime.of(7, 30));
        assertThat(smtp.reminders().engine().sendAt()).isEqualTo(java.time.LocalTime.of(8, 30));
        assertThat(smtp.toString()).doesNotContain("mail-secret").contains("mail.tc.gov.cn");

        Settings smpp = parse(Map.of("EGOV_SMS_MODE", "smpp", "EGOV_SMPP_HOST", "smsc.tc.gov.cn",
                "EGOV_SMPP_SYSTEM_ID", "egov", "EGOV_SMPP_PASSWORD", "smpp-secret"), "--smpp-port", "2776");
        assertThat(smpp.reminders().smpp().orElseThrow().port()).isEqualTo(2776);
        assertThat(smpp.toString()).doesNotContain("smpp-secret");

        Settings http = parse(Map.of("EGOV_SMS_MODE", "http", "EGOV_SMS_HTTP_URL", "https://sms.example.cn/send",
                "EGOV_SMS_SIGN", "太仓电子政务", "EGOV_SMS_HTTP_TEMPLATE", "SMS_1", "EGOV_SMS_HTTP_KEY", "key-secret"));
        assertThat(http.reminders().http().orElseThrow().templateCode()).isEqualTo("SMS_1");
        assertThat(http.toString()).doesNotContain("key-secret");
    }

    @Test
    @DisplayName("提醒设置有误时说明哪个值、从哪里来")
    void badReminderSettings() {
        assertThatThrownBy(() -> parse(Map.of("EGOV_SMTP_HOST", "m", "EGOV_SMTP_SECURITY", "ssl")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SMTP security 'SSL' is not one of NONE, STARTTLS, TLS (EGOV_SMTP_SECURITY)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_SMS_MODE", "fax")))
                .hasMessage("SMS mode 'fax' is not one of log, smpp, http (EGOV_SMS_MODE)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_SMS_MODE", "smpp", "EGOV_SMPP_HOST", "smsc")))
                .hasMessage("SMS mode smpp needs EGOV_SMPP_SYSTEM_ID (or --smpp-system-id)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_SMS_MODE", "http", "EGOV_SMS_HTTP_URL", "ftp://x/y",
                "EGOV_SMS_SIGN", "s", "EGOV_SMS_HTTP_TEMPLATE", "t")))
                .hasMessageContaining("must be an http(s) URL (EGOV_SMS_HTTP_URL)");
        assertThatThrownBy(() -> parse(Map.of(), "--quiet-hours", "21-8"))
                .hasMessage("quiet hours '21-8' must look like 21:00-08:00 (or none) (--quiet-hours)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_DIGEST", "maybe")))
                .hasMessage("'maybe' is not true or false (EGOV_REMINDER_DIGEST)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_MAX_ATTEMPTS", "0")))
                .hasMessage("0 is out of range 1-100 (EGOV_REMINDER_MAX_ATTEMPTS)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_BASE_URL", "egov.tc.gov.cn")))
                .hasMessageContaining("must start with http:// or https:// (EGOV_BASE_URL)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_SMTP_HOST", "m", "EGOV_SMTP_PORT", "smtp")))
                .hasMessage("'smtp' is not a number (EGOV_SMTP_PORT)");
    }

    @Test
    @DisplayName("允许的文档类型须能按文件内容识别：不认识的扩展名在启动时被拒绝并列出可用的类型")
    void documentTypesMustBeRecognisable() {
        assertThat(parse(Map.of("EGOV_DOC_TYPES", "PDF, .ofd,txt")).web().web().documents().allowedExtensions())
                .containsExactlyInAnyOrder("pdf", "ofd", "txt");
        assertThatThrownBy(() -> parse(Map.of("EGOV_DOC_TYPES", "pdf,exe,html")).web())
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("exe,html").hasMessageContaining("cannot be checked by their content")
                .hasMessageContaining("EGOV_DOC_TYPES");
    }

    @Test
    @DisplayName("停机补发天数和提醒记录保留期：ISO写法（P2Y、P18M）或天、周、月、年（730d、104w、24m、2y）")
    void reminderCatchUpAndRetention() {
        ReminderConfig days = parse(Map.of("EGOV_REMINDER_RETENTION", "730d", "EGOV_REMINDER_CATCH_UP_DAYS", "7"))
                .reminders();
        assertThat(days.engine().retention()).isEqualTo(java.time.Period.ofDays(730));
        assertThat(days.engine().catchUpDays()).isEqualTo(7);
        assertThat(parse(Map.of("EGOV_REMINDER_RETENTION", "P18M")).reminders().engine().retention())
                .isEqualTo(java.time.Period.ofMonths(18));
        assertThat(parse(Map.of("EGOV_REMINDER_RETENTION", "p1y6m")).reminders().engine().retention())
                .isEqualTo(java.time.Period.of(1, 6, 0));
        assertThat(parse(Map.of(), "--reminder-retention=3y").reminders().engine().retention())
                .isEqualTo(java.time.Period.ofYears(3));
        assertThat(parse(Map.of("EGOV_REMINDER_RETENTION", "104W")).reminders().engine().retention())
                .isEqualTo(java.time.Period.ofWeeks(104));
        assertThat(parse(Map.of(), "--reminder-catch-up-days", "0").reminders().engine().catchUpDays()).isZero();
        assertThat(parse(Map.of()).toString()).contains("catchUpDays=31", "retention=P2Y");
    }

    @Test
    @DisplayName("补发天数或保留期有误时说明哪个值、从哪里来")
    void badCatchUpAndRetention() {
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_RETENTION", "2 years")))
                .isInstanceOf(SettingsException.class)
                .hasMessage("reminder retention '2 years' must look like P2Y, P18M, 730d or 2y (EGOV_REMINDER_RETENTION)");
        assertThatThrownBy(() -> parse(Map.of(), "--reminder-retention", "30d"))
                .hasMessage("reminder retention '30d' is shorter than 90 days (--reminder-retention)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_RETENTION", "P-2Y")))
                .hasMessage("reminder retention 'P-2Y' is shorter than 90 days (EGOV_REMINDER_RETENTION)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_RETENTION", "P999999999Y")))
                .hasMessage("reminder retention 'P999999999Y' is longer than 100 years (EGOV_REMINDER_RETENTION)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_CATCH_UP_DAYS", "-1")))
                .hasMessage("-1 is out of range 0-366 (EGOV_REMINDER_CATCH_UP_DAYS)");
        assertThatThrownBy(() -> parse(Map.of("EGOV_REMINDER_CATCH_UP_DAYS", "a month")))
                .hasMessage("'a month' is not a number (EGOV_REMINDER_CATCH_UP_DAYS)");
    }

    @Test
    @DisplayName("模拟时钟：默认不设；EGOV_CLOCK或--clock（参数优先）设定起始时刻，写入启动日志")
    void simulatedClock() {
        assertThat(parse(Map.of()).simulatedClock()).isEmpty();
        assertThat(parse(Map.of()).toString()).doesNotContain("clock=");
        assertThat(parse(Map.of("EGOV_CLOCK", " ")).simulatedClock()).isEmpty();

        Settings env = parse(Map.of("EGOV_CLOCK", "2025-03-04T09:00"));
        assertThat(env.simulatedClock()).contains(java.time.Instant.parse("2025-03-04T01:00:00Z"));
        assertThat(env.source(Settings.Key.CLOCK)).isEqualTo("EGOV_CLOCK");
        assertThat(env.toString()).contains("clock=simulated from 2025-03-04T09:00+08:00 (EGOV_CLOCK)");

        Settings flag = parse(Map.of("EGOV_CLOCK", "2025-03-04T09:00"), "--clock", "2026-01-02");
        assertThat(flag.simulatedClock()).contains(java.time.Instant.parse("2026-01-01T16:00:00Z"));
        assertThat(flag.toString()).contains("clock=simulated from 2026-01-02T00:00+08:00 (--clock)");
    }

    @Test
    @DisplayName("模拟时钟写错时中英文说明可用格式，启动失败")
    void badSimulatedClock() {
        assertThatThrownBy(() -> parse(Map.of("EGOV_CLOCK", "next monday")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("EGOV_CLOCK：“next monday”不是可用的时间；可用格式：")
                .hasMessageContaining("EGOV_CLOCK: 'next monday' is not a usable time; accepted forms: ");
        assertThatThrownBy(() -> parse(Map.of(), "--clock=2025-02-29"))
                .hasMessageStartingWith("EGOV_CLOCK (--clock)：");
    }
}
