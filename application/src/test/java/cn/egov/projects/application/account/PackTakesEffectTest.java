package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.fake.InMemoryLoginAttempts;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AccountLockedPort;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.egov.projects.application.fake.People.policeStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A pack that takes effect later is followed from its first day without a restart: the account services built once
 * at start (sign-in, accounts, units) resolve the pack in force on the application's day at each action. With
 * Taicang's pack and, from 2025-01-01, the two-stage example pack (which numbers the authorities' duties 5, not 4),
 * the same action on 2024-12-31 and on 2025-01-02 cites each pack's article.
 */
@DisplayName("新政策包生效后无需重启：登录、账号、单位的记录和拒绝按当日施行的政策包引用条款（2024-12-31第四条，2025-01-02第五条）")
class PackTakesEffectTest {

    private static final String PASSWORD = "Correct-Horse-Battery";
    private static final PolicyHistory HISTORY = new PolicyHistory(List.of(PolicyPacks.taicang(),
            PolicyPacks.twoStage()));
    private static final PolicyPort PACKS = () -> HISTORY;

    private final FakeWorld world = new FakeWorld(LocalDate.of(2024, 12, 31));
    private final AccountService accounts = new AccountService(world.accounts, world.audit, world.clock,
            world.transactions, new PasswordHasher(1000), PACKS, cn.egov.projects.application.port.out.PasswordStatePort.NONE,
            PasswordPolicy.standard(), cn.egov.projects.application.port.out.AccessChangesPort.NONE);
    private final SignInService signIn = new SignInService(accounts, new InMemoryLoginAttempts(), world.audit,
            world.clock, world.transactions, new SignInThrottle(SignInThrottle.Limits.standard()),
            AccountLockedPort.NONE, PACKS);
    private final UnitService units = new UnitService(world.units, world.audit, world.clock, world.transactions, PACKS);

    PackTakesEffectTest() {
        accounts.createAccount(null, new CreateAccountCommand("admin", "管理员", Role.ADMIN, new UnitId("TC-DSJ"), null,
                null, PASSWORD.toCharArray()));
    }

    private String lastSignInArticle() {
        assertThat(signIn.signIn("admin", PASSWORD.toCharArray(), SignInUseCase.Channel.SESSION, "r", "10.0.0.1"))
                .isInstanceOf(SignInUseCase.SignedIn.class);
        return world.audit.all().stream().filter(r -> "SIGN_IN".equals(r.action())).map(AuditRecord::article)
                .reduce((a, b) -> b).orElseThrow();
    }

    private String unitRefusal() {
        return catchThrowableOfType(ForbiddenException.class, () -> units.createUnit(policeStaff(),
                new CreateUnitCommand("TC-XXJ", "太仓市某局", Unit.Kind.IMPLEMENTING))).violation().messageZh();
    }

    private String accountRefusal() {
        return catchThrowableOfType(ForbiddenException.class, () -> accounts.createAccount(policeStaff(),
                new CreateAccountCommand("someone", "某人", Role.UNIT_STAFF, new UnitId("TC-GAJ"), null, null,
                        PASSWORD.toCharArray()))).violation().article();
    }

    @Test
    @DisplayName("同一服务实例：2024-12-31按太仓政策包引用第四条；两阶段政策包2025-01-01施行后引用其第五条")
    void theSameServicesCiteThePackInForceOnTheDay() {
        assertThat(lastSignInArticle()).isEqualTo("第四条");
        assertThat(unitRefusal()).startsWith("第四条：");
        assertThat(accountRefusal()).isEqualTo("第四条");

        world.clock.set(LocalDate.of(2025, 1, 2));

        assertThat(lastSignInArticle()).isEqualTo("第五条");
        assertThat(unitRefusal()).startsWith("第五条：");
        assertThat(accountRefusal()).isEqualTo("第五条");
    }

    @Test
    @DisplayName("导出限流的记录同样按当日施行的政策包引用条款")
    void theLimitsRecordsFollowTheDay() {
        ExportLimitService exports = new ExportLimitService(new SignInThrottle(ExportLimitService.limits(1)),
                world.audit, world.clock, world.transactions, PACKS);
        assertThat(exportRefusalArticle(exports)).isEqualTo("第四条");
        world.clock.set(LocalDate.of(2025, 1, 2));
        assertThat(exportRefusalArticle(exports)).isEqualTo("第五条");
    }

    /** One export admitted, the next refused: the refusal's record cites the article of the day's pack. */
    private String exportRefusalArticle(ExportLimitService exports) {
        assertThat(exports.admit(policeStaff(), "项目清单")).isEmpty();
        assertThat(exports.admit(policeStaff(), "项目清单")).isPresent();
        return world.audit.all().stream().filter(r -> "EXPORT".equals(r.action())).map(AuditRecord::article)
                .reduce((a, b) -> b).orElseThrow();
    }
}
