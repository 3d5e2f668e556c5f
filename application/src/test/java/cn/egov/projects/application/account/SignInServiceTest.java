package cn.egov.projects.application.account;

import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.InMemoryLoginAttempts;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.in.SignInUseCase.Channel;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SignInServiceTest {

    private static final String PASSWORD = "Correct-Horse-Battery";

    private final FakeWorld world = new FakeWorld(java.time.LocalDate.of(2025, 3, 3));
    private final AtomicReference<Instant> now = new AtomicReference<>(
            LocalDateTime.of(2025, 3, 3, 9, 0).atZone(ClockPort.ZONE).toInstant());
    private final ClockPort clock = now::get;
    private final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts();
    private final List<String> locked = new ArrayList<>();
    private final SignInService signIn = new SignInService(world.accountService, loginAttempts, world.audit, clock,
            world.transactions, new SignInThrottle(SignInThrottle.Limits.standard()), locked::add, world.pack);

    SignInServiceTest() {
        world.accountService.createAccount(null, new CreateAccountCommand("admin", "管理员", Role.ADMIN,
                new UnitId("TC-DSJ"), null, null, PASSWORD.toCharArray()));
    }

    private SignInUseCase.Result attempt(String password) {
        return signIn.signIn("admin", password.toCharArray(), Channel.SESSION, "r", "10.0.0.1");
    }

    private SignInUseCase.Result attempt(String user, String password, Channel channel, String address) {
        return signIn.signIn(user, password.toCharArray(), channel, "req-" + channel, address);
    }

    private void secondsLater(long seconds) {
        now.set(now.get().plusSeconds(seconds));
    }

    private void minutesLater(long minutes) {
        secondsLater(minutes * 60);
    }

    private List<AuditRecord> signIns() {
        return world.audit.all().stream().filter(r -> "SIGN_IN".equals(r.action())).toList();
    }

    @Test
    @DisplayName("15分钟内连续5次密码错误，账号锁定15分钟，期间正确密码也不能登录；锁定期满后可以登录")
    void fiveFailuresLockForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(attempt("wrong-" + i)).isInstanceOf(SignInUseCase.Failed.class);
            minutesLater(2);
        }
        assertThat(attempt("wrong-5")).isInstanceOfSatisfying(SignInUseCase.Locked.class, l -> {
            assertThat(l.until()).isEqualTo(now.get().plusSeconds(15 * 60));
            assertThat(l.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        });
        minutesLater(14);
        assertThat(attempt(PASSWORD)).isInstanceOfSatisfying(SignInUseCase.Locked.class,
                l -> assertThat(l.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
        minutesLater(2);
        assertThat(attempt(PASSWORD)).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
                s -> assertThat(s.actor().role()).isEqualTo(Role.ADMIN));
        assertThat(world.audit.all()).extracting(r -> r.summary())
                .anyMatch(s -> s.contains("连续5次登录失败"))
                .anyMatch(s -> s.contains("登录成功"));
    }

    @Test
    @DisplayName("失败次数只计15分钟之内的；成功登录后重新计数")
    void onlyRecentFailuresCount() {
        for (int i = 1; i <= 4; i++) {
            assertThat(attempt("wrong")).isInstanceOf(SignInUseCase.Failed.class);
        }
        minutesLater(16);
        assertThat(attempt("wrong")).isInstanceOf(SignInUseCase.Failed.class);
        assertThat(attempt(PASSWORD)).isInstanceOf(SignInUseCase.SignedIn.class);
        for (int i = 1; i <= 4; i++) {
            assertThat(attempt("wrong")).isInstanceOf(SignInUseCase.Failed.class);
        }
    }

    @Test
    @DisplayName("HTTP Basic与会话登录的失败合并计数：三次Basic、两次会话即锁定；锁定后Basic用正确密码也被拒绝，且都记入操作记录")
    void basicAndSessionFailuresCountTogether() {
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("admin", "wrong-basic", Channel.BASIC, "10.0.0.7")).isInstanceOf(SignInUseCase.Failed.class);
        }
        assertThat(attempt("admin", "wrong-form", Channel.SESSION, "10.0.0.8")).isInstanceOf(SignInUseCase.Failed.class);
        assertThat(attempt("admin", "wrong-form", Channel.SESSION, "10.0.0.8")).isInstanceOf(SignInUseCase.Locked.class);
        assertThat(locked).containsExactly("admin");

        assertThat(attempt("admin", PASSWORD, Channel.BASIC, "10.0.0.7")).isInstanceOf(SignInUseCase.Locked.class);

        List<AuditRecord> records = signIns();
        assertThat(records).hasSize(6);
        assertThat(records.subList(0, 3)).allSatisfy(r -> {
            assertThat(r.summary()).contains("登录失败", "HTTP Basic", "用户名 admin");
            assertThat(r.sourceAddress()).isEqualTo("10.0.0.7");
            assertThat(r.requestId()).isEqualTo("req-BASIC");
        });
        assertThat(records.get(3).summary()).contains("登录失败（第4次）", "会话登录");
        assertThat(records.get(4).summary()).contains("连续5次登录失败，账号锁定至2025-03-03 09:15:00", "会话登录");
        assertThat(records.get(5).summary()).contains("登录被拒绝：账号锁定至", "HTTP Basic");
        assertThat(records.get(5).sourceAddress()).isEqualTo("10.0.0.7");
        assertThat(locked).containsExactly("admin", "admin");
    }

    @Test
    @DisplayName("不存在的用户名同样计数和锁定，应答与存在的用户名相同")
    void unknownUsernamesLockAlike() {
        for (int i = 0; i < 4; i++) {
            assertThat(attempt("nobody", "x", Channel.BASIC, "10.0.1." + i)).isInstanceOf(SignInUseCase.Failed.class);
        }
        assertThat(attempt("nobody", "x", Channel.BASIC, "10.0.1.9")).isInstanceOf(SignInUseCase.Locked.class);
        assertThat(attempt("nobody", "x", Channel.SESSION, "10.0.1.10")).isInstanceOf(SignInUseCase.Locked.class);
    }

    @Test
    @DisplayName("同一来源地址1分钟内10次不成功的登录后，换用户名、用正确密码也被限流（429）；只记一次限流；1分钟后恢复；其他地址不受影响")
    void tooManyFailuresFromOneAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(attempt("user" + i, "guess", Channel.BASIC, "203.0.113.9"))
                    .isInstanceOf(SignInUseCase.Failed.class);
            secondsLater(3);
        }
        int checks = signIns().size();

        SignInUseCase.Result throttled = attempt("admin", PASSWORD, Channel.SESSION, "203.0.113.9");
        assertThat(throttled).isInstanceOfSatisfying(SignInUseCase.Throttled.class, t -> {
            assertThat(t.limit()).isEqualTo(SignInUseCase.Limit.ADDRESS);
            assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(attempt("admin", PASSWORD, Channel.BASIC, "203.0.113.9")).isInstanceOf(SignInUseCase.Throttled.class);
        List<AuditRecord> records = signIns();
        assertThat(records).hasSize(checks + 1);
        assertThat(records.get(checks).summary()).contains("登录尝试过于频繁（按来源地址限制），暂停至2025-03-03 09:01:00");
        assertThat(records.get(checks).sourceAddress()).isEqualTo("203.0.113.9");

        assertThat(attempt("admin", PASSWORD, Channel.SESSION, "203.0.113.10")).isInstanceOf(SignInUseCase.SignedIn.class);
        secondsLater(30);
        assertThat(attempt("admin", PASSWORD, Channel.SESSION, "203.0.113.9")).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    @DisplayName("持续试探时，空出的名额仍只放行一次尝试，限流记录每分钟至多一条")
    void aPersistentAttackerAddsOneThrottleRecordPerMinute() {
        for (int i = 0; i < 10; i++) {
            attempt("user" + i, "guess", Channel.BASIC, "203.0.113.9");
            secondsLater(6);
        }
        // t = 60 s: the first failure has left the window, one more attempt is let through
        assertThat(attempt("user10", "guess", Channel.BASIC, "203.0.113.9")).isInstanceOf(SignInUseCase.Failed.class);
        for (int s = 1; s <= 50; s++) {
            secondsLater(1);
            SignInUseCase.Result r = attempt("user" + (100 + s), "guess", Channel.BASIC, "203.0.113.9");
            assertThat(r).isInstanceOfAny(SignInUseCase.Throttled.class, SignInUseCase.Failed.class);
        }
        long throttleRecords = signIns().stream().filter(r -> r.summary().contains("登录尝试过于频繁")).count();
        assertThat(throttleRecords).isOne();
        // one attempt let through each time a failure leaves the window (every 6 s), never more
        assertThat(signIns().stream().filter(r -> r.summary().contains("登录失败"))).hasSize(11 + 8);
    }

    @Test
    @DisplayName("IPv6地址按/64前缀计数")
    void ipv6CountsByPrefix() {
        for (int i = 1; i <= 10; i++) {
            attempt("user" + i, "guess", Channel.BASIC, "2001:db8:1:2::" + Integer.toHexString(i));
        }
        assertThat(attempt("admin", PASSWORD, Channel.BASIC, "2001:db8:1:2:ffff::1"))
                .isInstanceOf(SignInUseCase.Throttled.class);
        assertThat(attempt("admin", PASSWORD, Channel.BASIC, "2001:db8:1:3::1"))
                .isInstanceOf(SignInUseCase.SignedIn.class);
        assertThat(SignInThrottle.addressKey("2001:DB8:0:0:1::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(SignInThrottle.addressKey("10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @Test
    @DisplayName("同一用户名1分钟内10次不成功的尝试（含锁定期间的尝试）后，来自任何地址的尝试都被限流")
    void tooManyAttemptsForOneUsername() {
        for (int i = 0; i < 10; i++) {
            assertThat(attempt("admin", "guess", Channel.BASIC, "198.51.100." + i))
                    .isInstanceOfAny(SignInUseCase.Failed.class, SignInUseCase.Locked.class);
        }
        assertThat(attempt("admin", PASSWORD, Channel.BASIC, "198.51.100.200")).isInstanceOfSatisfying(
                SignInUseCase.Throttled.class, t -> assertThat(t.limit()).isEqualTo(SignInUseCase.Limit.USERNAME));
        assertThat(signIns()).last().satisfies(r -> assertThat(r.summary()).contains("按用户名限制"));
        assertThat(attempt("other", "guess", Channel.BASIC, "198.51.100.200")).isInstanceOf(SignInUseCase.Failed.class);
    }

    @Test
    @DisplayName("成功的登录不计入限流：同一地址频繁成功登录不被拒绝")
    void successesDoNotCount() {
        for (int i = 0; i < 25; i++) {
            assertThat(attempt(PASSWORD)).isInstanceOf(SignInUseCase.SignedIn.class);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(attempt("wrong")).isInstanceOf(SignInUseCase.Failed.class);
        }
        assertThat(attempt(PASSWORD)).isInstanceOf(SignInUseCase.SignedIn.class);
    }

    @Test
    @DisplayName("过长或含控制字符的用户名直接登录失败，记入操作记录（已清理），不查询账号、不写失败计数")
    void invalidUsernames() {
        String longName = "a".repeat(300);
        assertThat(attempt(longName, PASSWORD, Channel.BASIC, "10.0.0.1")).isInstanceOf(SignInUseCase.Failed.class);
        assertThat(attempt("adm\nin", PASSWORD, Channel.SESSION, "10.0.0.1")).isInstanceOf(SignInUseCase.Failed.class);

        assertThat(loginAttempts.failuresSince(longName, Instant.EPOCH)).isZero();
        List<AuditRecord> records = signIns();
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.summary()).contains("用户名无效"));
        assertThat(records.get(0).userId()).hasSize(65).endsWith("…");
        assertThat(records.get(1).userId()).isEqualTo("adm?in");
    }
}
