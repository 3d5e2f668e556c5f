package cn.egov.projects.application.account;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.InMemoryLoginAttempts;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInServiceTest {

    private final FakeWorld world = new FakeWorld(java.time.LocalDate.of(2025, 3, 3));
    private final AtomicReference<Instant> now = new AtomicReference<>(
            LocalDateTime.of(2025, 3, 3, 9, 0).atZone(ClockPort.ZONE).toInstant());
    private final ClockPort clock = now::get;
    private final SignInService signIn = new SignInService(world.accountService, new InMemoryLoginAttempts(),
            world.audit, clock, world.transactions);

    SignInServiceTest() {
        world.accountService.createAccount(null, new CreateAccountCommand("admin", "管理员", Role.ADMIN,
                new UnitId("TC-DSJ"), null, null, "correct-horse-battery".toCharArray()));
    }

    private SignInUseCase.Result attempt(String password) {
        return signIn.signIn("admin", password.toCharArray(), "r", "10.0.0.1");
    }

    private void minutesLater(long minutes) {
        now.set(now.get().plusSeconds(minutes * 60));
    }

    @Test
    @DisplayName("15分钟内连续5次密码错误，账号锁定15分钟，期间正确密码也不能登录；锁定期满后可以登录")
    void fiveFailuresLockForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(attempt("wrong-" + i)).isInstanceOf(SignInUseCase.Failed.class);
            minutesLater(2);
        }
        assertThat(attempt("wrong-5")).isInstanceOfSatisfying(SignInUseCase.Locked.class,
                l -> assertThat(l.until()).isEqualTo(now.get().plusSeconds(15 * 60)));
        minutesLater(14);
        assertThat(attempt("correct-horse-battery")).isInstanceOf(SignInUseCase.Locked.class);
        minutesLater(2);
        assertThat(attempt("correct-horse-battery")).isInstanceOfSatisfying(SignInUseCase.SignedIn.class,
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
        assertThat(attempt("correct-horse-battery")).isInstanceOf(SignInUseCase.SignedIn.class);
        for (int i = 1; i <= 4; i++) {
            assertThat(attempt("wrong")).isInstanceOf(SignInUseCase.Failed.class);
        }
    }

    @Test
    @DisplayName("超过64个字符的用户名在查找、计数和留存之前被拒绝（400），不锁定任何人，也不写入失败记录")
    void overlongUsernameIsRefusedBeforeAnythingIsKept() {
        String name = "a".repeat(300);
        int before = world.audit.all().size();
        assertThatThrownBy(() -> signIn.signIn(name, "whatever-password".toCharArray(), "r", "10.0.0.1"))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.messageZh()).isEqualTo("用户名不能超过64个字符");
                });
        assertThat(world.audit.all()).hasSize(before);
        assertThat(world.accountService.authenticate(name, "correct-horse-battery".toCharArray())).isEmpty();
        assertThat(attempt("correct-horse-battery")).isInstanceOf(SignInUseCase.SignedIn.class);
    }
}
