package cn.egov.projects.application.account;

import cn.egov.projects.application.port.in.SignInUseCase.Limit;
import cn.egov.projects.application.port.out.SignInWindowsPort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits counted in shared windows (the database's, here a map): two throttles — two application instances —
 * over one set of counters allow the limit between them, not each; a refusal lasts until the window ends and is
 * told (audited) once; a successful attempt gives its place back; old windows are purged.
 */
@DisplayName("登录频率限制：多个实例共用计数窗口")
class SharedSignInThrottleTest {

    private static final Instant T0 = Instant.parse("2027-03-01T02:00:10Z");

    /** The shared counters, as the database keeps them. */
    static final class Windows implements SignInWindowsPort {
        final Map<String, Integer> attempts = new HashMap<>();
        final Set<String> told = new HashSet<>();
        final List<Instant> purged = new ArrayList<>();

        @Override
        public synchronized Taken take(String addressKey, int addressLimit, String usernameKey, int usernameLimit,
                                       Instant windowStart) {
            String a = addressKey + "@" + windowStart;
            String u = usernameKey + "@" + windowStart;
            if (attempts.getOrDefault(a, 0) >= addressLimit) {
                return new Taken(Outcome.ADDRESS_FULL, told.add(a));
            }
            if (attempts.getOrDefault(u, 0) >= usernameLimit) {
                return new Taken(Outcome.USERNAME_FULL, told.add(u));
            }
            attempts.merge(a, 1, Integer::sum);
            attempts.merge(u, 1, Integer::sum);
            return new Taken(Outcome.TAKEN, false);
        }

        @Override
        public synchronized void giveBack(String addressKey, String usernameKey, Instant windowStart) {
            attempts.merge(addressKey + "@" + windowStart, -1, Integer::sum);
            attempts.merge(usernameKey + "@" + windowStart, -1, Integer::sum);
        }

        @Override
        public synchronized int purgeBefore(Instant before) {
            purged.add(before);
            return 0;
        }
    }

    private final Windows windows = new Windows();
    private final SignInThrottle.Limits limits = new SignInThrottle.Limits(3, 5, Duration.ofMinutes(1), 100);
    private final SignInThrottle a = SignInThrottle.shared(limits, windows);
    private final SignInThrottle b = SignInThrottle.shared(limits, windows);

    @Test
    @DisplayName("两个实例合计只允许限额内的尝试；拒绝持续到窗口结束，只首次记审计")
    void twoInstancesShareTheLimit() {
        assertThat(a.admit("u1", "10.0.0.1", T0)).isInstanceOf(SignInThrottle.Admitted.class);
        assertThat(b.admit("u2", "10.0.0.1", T0.plusSeconds(1))).isInstanceOf(SignInThrottle.Admitted.class);
        assertThat(a.admit("u3", "10.0.0.1", T0.plusSeconds(2))).isInstanceOf(SignInThrottle.Admitted.class);
        SignInThrottle.Admission refused = b.admit("u4", "10.0.0.1", T0.plusSeconds(3));
        assertThat(refused).isEqualTo(new SignInThrottle.Refused(Limit.ADDRESS, Duration.ofSeconds(47), true));
        assertThat(a.admit("u5", "10.0.0.1", T0.plusSeconds(4)))
                .isEqualTo(new SignInThrottle.Refused(Limit.ADDRESS, Duration.ofSeconds(46), false));
        assertThat(b.admit("u4", "10.0.0.1", T0.plusSeconds(50))).as("the next window")
                .isInstanceOf(SignInThrottle.Admitted.class);
        assertThat(windows.purged).as("old windows purged once per few minutes, by the first caller").hasSize(2);
    }

    @Test
    @DisplayName("成功的尝试归还名额：另一实例可继续登录")
    void aSuccessGivesItsPlaceBack() {
        List<SignInThrottle.Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admitted.add((SignInThrottle.Admitted) a.admit("clerk", "10.0.0.2", T0));
        }
        assertThat(b.admit("clerk", "10.0.0.2", T0)).isInstanceOf(SignInThrottle.Refused.class);
        a.succeeded(admitted.get(0));
        assertThat(b.admit("clerk", "10.0.0.2", T0)).isInstanceOf(SignInThrottle.Admitted.class);
    }

    @Test
    @DisplayName("按用户名限额：不同地址对同一用户名的尝试也合计")
    void theUsernameLimitCountsEveryAddress() {
        for (int i = 0; i < 5; i++) {
            SignInThrottle throttle = i % 2 == 0 ? a : b;
            assertThat(throttle.admit("target", "10.0.1." + i, T0)).isInstanceOf(SignInThrottle.Admitted.class);
        }
        assertThat(a.admit("target", "10.0.1.99", T0)).isInstanceOfSatisfying(SignInThrottle.Refused.class,
                r -> assertThat(r.limit()).isEqualTo(Limit.USERNAME));
    }
}
