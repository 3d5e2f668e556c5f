package cn.egov.projects.application.account;

import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ExportLimitUseCase;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.WebSessionPort;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAndExportLimitsTest {

    private final FakeWorld world = new FakeWorld(java.time.LocalDate.of(2025, 3, 3));

    /** Sessions by id: whose, since when, and why ended. */
    private static final class Sessions implements WebSessionPort {
        final Map<String, Object[]> rows = new LinkedHashMap<>();

        void add(String id, String userId, Instant at) {
            rows.put(id, new Object[]{userId, at, null});
        }

        String ended(String id) {
            return (String) rows.get(id)[2];
        }

        @Override
        public List<SignedInSession> signedInSessions(String userId, String currentId, Instant now) {
            List<SignedInSession> found = new ArrayList<>();
            rows.forEach((id, r) -> {
                if (userId.equals(r[0]) && r[2] == null) {
                    found.add(new SignedInSession(id, (Instant) r[1], id.equals(currentId)));
                }
            });
            return found;
        }

        @Override
        public void endSession(String key, String reason) {
            rows.get(key)[2] = reason;
        }

        @Override
        public Optional<StoredSession> load(String id, Instant now) {
            return Optional.empty();
        }

        @Override
        public void save(StoredSession session) {
        }

        @Override
        public void delete(String id) {
        }

        @Override
        public int purgeExpired(Instant now) {
            return 0;
        }

        @Override
        public void deleteAll() {
        }

        @Override
        public int count(Instant now) {
            return rows.size();
        }
    }

    private static Caller caller(String userId, Role role, String address) {
        return new Caller(new Actor(userId, userId, role, new UnitId("TC-DSJ"), Set.of()), "req", address);
    }

    private List<String> summaries() {
        return world.audit.all().stream().map(AuditRecord::summary).toList();
    }

    @Test
    @DisplayName("三员每个账号只允许一个会话：新登录结束旧会话，并记入审计")
    void oneSessionPerAdministrator() {
        Sessions sessions = new Sessions();
        SessionLimitService limits = new SessionLimitService(sessions, world.audit, world.clock, world.transactions,
                world.clock, 3, world.pack);
        Instant t = Instant.parse("2025-03-03T01:00:00Z");
        for (Role role : List.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            String user = role.name();
            sessions.add(user + "-1", user, t);
            sessions.add(user + "-2", user, t.plusSeconds(60));
            assertThat(limits.sessionStarted(caller(user, role, "10.0.0.1"), user + "-2")).isEqualTo(1);
            assertThat(sessions.ended(user + "-1")).isEqualTo(WebSessionPort.SIGNED_IN_ELSEWHERE);
            assertThat(sessions.ended(user + "-2")).isNull();
        }
        assertThat(summaries()).contains("同一账号重新登录，结束较早的1个会话（安全保密管理员账号只允许一个会话）");
    }

    @Test
    @DisplayName("其他账号最多N个会话：超出时结束最早的，其他账号的会话不受影响")
    void limitForOthers() {
        Sessions sessions = new Sessions();
        SessionLimitService limits = new SessionLimitService(sessions, world.audit, world.clock, world.transactions,
                world.clock, 3, world.pack);
        Instant t = Instant.parse("2025-03-03T01:00:00Z");
        sessions.add("other", "someone-else", t);
        for (int i = 1; i <= 3; i++) {
            sessions.add("s" + i, "staff", t.plusSeconds(i));
            assertThat(limits.sessionStarted(caller("staff", Role.UNIT_STAFF, "10.0.0.1"), "s" + i)).isZero();
        }
        sessions.add("s4", "staff", t.plusSeconds(4));
        sessions.add("s5", "staff", t.plusSeconds(5));
        assertThat(limits.sessionStarted(caller("staff", Role.UNIT_STAFF, "10.0.0.1"), "s5")).isEqualTo(2);
        assertThat(sessions.ended("s1")).isNotNull();
        assertThat(sessions.ended("s2")).isNotNull();
        assertThat(sessions.ended("s3")).isNull();
        assertThat(sessions.ended("s4")).isNull();
        assertThat(sessions.ended("s5")).isNull();
        assertThat(sessions.ended("other")).isNull();
        assertThat(summaries()).contains("同一账号重新登录，结束较早的2个会话（每个账号最多3个会话）");
    }

    @Test
    @DisplayName("导出限流：每账号、每地址10分钟20次；超出的拒绝并给出等待时间，每个时段只审计一次")
    void exportLimits() {
        ExportLimitService exports = new ExportLimitService(new SignInThrottle(ExportLimitService.limits(20)),
                world.audit, world.clock, world.transactions, world.pack);
        Caller a = caller("user-a", Role.UNIT_STAFF, "10.0.0.1");
        for (int i = 0; i < 20; i++) {
            assertThat(exports.admit(a, "逾期清单")).isEmpty();
        }
        Optional<ExportLimitUseCase.ExportRefused> refused = exports.admit(a, "逾期清单");
        assertThat(refused).hasValueSatisfying(r -> {
            assertThat(r.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
        });
        exports.admit(a, "逾期清单");
        assertThat(summaries().stream().filter(s -> s.startsWith("导出过于频繁"))).hasSize(1);
        // another account from the same address: the address's limit is spent too
        assertThat(exports.admit(caller("user-b", Role.UNIT_STAFF, "10.0.0.1"), "逾期清单"))
                .hasValueSatisfying(r -> assertThat(r.limit()).isEqualTo(SignInUseCase.Limit.ADDRESS));
        // the same account from elsewhere: its own limit is spent
        assertThat(exports.admit(caller("user-a", Role.UNIT_STAFF, "10.0.0.2"), "逾期清单"))
                .hasValueSatisfying(r -> assertThat(r.limit()).isEqualTo(SignInUseCase.Limit.USERNAME));
        // another account from another address is free
        assertThat(exports.admit(caller("user-c", Role.UNIT_STAFF, "10.0.0.3"), "逾期清单")).isEmpty();
    }
}
