package cn.egov.projects.application.account;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.fake.FakeWorkplace;
import cn.egov.projects.application.fake.TotpCodes;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateAccountCommand;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SecondFactorUseCase.Accepted;
import cn.egov.projects.application.port.in.SecondFactorUseCase.Locked;
import cn.egov.projects.application.port.in.SecondFactorUseCase.Reason;
import cn.egov.projects.application.port.in.SecondFactorUseCase.Rejected;
import cn.egov.projects.application.port.in.SecondFactorUseCase.Requirement;
import cn.egov.projects.application.port.in.SignInUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.application.view.SecurityPolicy;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecondFactorServiceTest {

    private static final String PASSWORD = "Correct-Horse-Battery";

    private final FakeWorkplace workplace = new FakeWorkplace(LocalDate.of(2025, 3, 3));
    private final List<String> locked = new ArrayList<>();
    private final SignInThrottle throttle = new SignInThrottle(SignInThrottle.Limits.standard());
    private final SecondFactorService service = workplace.secondFactor(throttle, locked::add);

    SecondFactorServiceTest() {
        create("secadmin", Role.SECURITY_ADMIN, null);
        Caller sec = caller("secadmin");
        create("admin", Role.ADMIN, sec);
        create("auditadmin", Role.AUDIT_ADMIN, sec);
        create("police", Role.UNIT_STAFF, sec);
        create("bureau", Role.BDB_OFFICER, sec);
    }

    private void create(String username, Role role, Caller by) {
        workplace.world.accountService.createAccount(by, new CreateAccountCommand(username, username + "的姓名", role,
                new UnitId(role == Role.UNIT_STAFF ? "TC-GAJ" : "TC-DSJ"), null, null, PASSWORD.toCharArray()));
    }

    private Actor actor(String username) {
        return workplace.world.accountService.authenticate(username, PASSWORD.toCharArray()).orElseThrow();
    }

    private Caller caller(String username) {
        return new Caller(actor(username), "req", "10.0.0.9");
    }

    private SecondFactorUseCase.Enrolment begin(String username, OtpAlgorithm algorithm) {
        return service.beginEnrolment(caller(username), algorithm);
    }

    private String nextCode(SecondFactorUseCase.Enrolment e) {
        return TotpCodes.at(e.secretBase32(), e.algorithm(), workplace.otpClock.nextStep());
    }

    private List<AuditRecord> events() {
        return workplace.world.audit.all().stream().filter(r -> "SECOND_FACTOR".equals(r.action())).toList();
    }

    @Test
    void administratorsMustEnrolOthersNeedNothingUntilTheyOptIn() {
        for (String admin : List.of("admin", "secadmin", "auditadmin")) {
            assertThat(service.requirement(actor(admin))).as(admin).isEqualTo(Requirement.ENROLMENT);
        }
        assertThat(service.requirement(actor("police"))).isEqualTo(Requirement.NONE);

        SecondFactorUseCase.Enrolment e = begin("police", OtpAlgorithm.SHA1);
        // an enrolment under way signs nobody in and asks nothing yet
        assertThat(service.requirement(actor("police"))).isEqualTo(Requirement.NONE);
        assertThat(service.confirmEnrolment(caller("police"), nextCode(e))).isInstanceOf(Accepted.class);
        assertThat(service.requirement(actor("police"))).isEqualTo(Requirement.CODE);
        // credentials remembered without a code are dropped at once
        assertThat(workplace.accessChanged).contains(actor("police").userId());
        assertThat(service.status(caller("police")).enrolled()).isTrue();
        assertThat(service.status(caller("police")).algorithm()).isEqualTo(OtpAlgorithm.SHA1);
    }

    @Test
    void enrolmentGivesA160BitSecretAndItsUriWithSm3ByDefault() {
        SecondFactorUseCase.Enrolment e = begin("admin", null);
        assertThat(e.algorithm()).isEqualTo(OtpAlgorithm.SM3);
        assertThat(TotpCodes.decode(e.secretBase32())).hasSize(20);
        assertThat(e.secretBase32()).matches("[A-Z2-7]{32}");
        assertThat(e.uri()).isEqualTo("otpauth://totp/egov-projects:admin?secret=" + e.secretBase32()
                + "&issuer=egov-projects&algorithm=SM3&digits=6&period=30");
        // a wrong code does not confirm it; the right one does
        assertThat(service.confirmEnrolment(caller("admin"), "000000")).isInstanceOf(Rejected.class);
        assertThat(service.confirmEnrolment(caller("admin"), nextCode(e))).isInstanceOf(Accepted.class);
        // a confirmed second factor is not replaced by a new enrolment
        assertThatThrownBy(() -> begin("admin", OtpAlgorithm.SHA1)).isInstanceOf(InvalidCommandException.class)
                .hasMessageContaining("安全保密管理员重置");
        assertThat(events()).extracting(AuditRecord::summary).anyMatch(s -> s.contains("开始绑定动态口令（算法 HMAC-SM3）"))
                .anyMatch(s -> s.contains("动态口令错误")).anyMatch(s -> s.contains("绑定动态口令成功"));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyOnce() {
        SecondFactorUseCase.Enrolment e = begin("secadmin", OtpAlgorithm.SM3);
        service.confirmEnrolment(caller("secadmin"), nextCode(e));
        var clock = workplace.otpClock;

        clock.advance(Duration.ofMinutes(5));
        String previous = TotpCodes.at(e.secretBase32(), e.algorithm(), clock.now().minusSeconds(30));
        String twoAgo = TotpCodes.at(e.secretBase32(), e.algorithm(), clock.now().minusSeconds(60));
        String next = TotpCodes.at(e.secretBase32(), e.algorithm(), clock.now().plusSeconds(30));
        assertThat(signIn("secadmin", twoAgo)).isEqualTo(new Rejected(Reason.WRONG));
        assertThat(signIn("secadmin", previous)).isInstanceOf(Accepted.class);
        // the same code again, and an older one, are replays
        assertThat(signIn("secadmin", previous)).isEqualTo(new Rejected(Reason.REPLAYED));
        assertThat(signIn("secadmin", next)).isInstanceOf(Accepted.class);
        String current = TotpCodes.at(e.secretBase32(), e.algorithm(), clock.now());
        assertThat(signIn("secadmin", current)).isEqualTo(new Rejected(Reason.REPLAYED));
        assertThat(signIn("secadmin", "12345")).isEqualTo(new Rejected(Reason.MALFORMED));
        assertThat(events()).extracting(AuditRecord::summary)
                .anyMatch(s -> s.startsWith("动态口令重放（该口令已使用过）") && s.contains("登录，HTTP Basic"))
                .anyMatch(s -> s.startsWith("动态口令验证通过（登录，HTTP Basic）"));
        assertThat(events()).allSatisfy(r -> {
            assertThat(r.userId()).isEqualTo(actor("secadmin").userId());
            assertThat(r.sourceAddress()).isEqualTo("10.0.0.9");
        });
    }

    private SecondFactorUseCase.Verdict signIn(String username, String code) {
        return service.verifyAtSignIn(actor(username), username, code, SignInUseCase.Channel.BASIC, "req",
                "10.0.0.9");
    }

    @Test
    void wrongCodesCountTowardTheLockoutLikeWrongPasswords() {
        SecondFactorUseCase.Enrolment e = begin("auditadmin", OtpAlgorithm.SM3);
        service.confirmEnrolment(caller("auditadmin"), nextCode(e));
        for (String wrong : List.of("111111", "222222", "333333", "444444")) {
            assertThat(signIn("auditadmin", wrong)).isInstanceOf(Rejected.class);
            // each guess comes with the right password, which clears the password's count: not the codes'
            workplace.loginAttempts.clearFailures("auditadmin");
        }
        // the fifth wrong code within the window locks the username
        assertThat(signIn("auditadmin", "555555")).isInstanceOf(Locked.class);
        assertThat(workplace.loginAttempts.lockedUntil("auditadmin")).isPresent();
        assertThat(locked).contains("auditadmin");
        // locked: even the right code is not checked
        assertThat(signIn("auditadmin", nextCode(e))).isInstanceOf(Locked.class);
        assertThat(events()).extracting(AuditRecord::summary).anyMatch(s -> s.contains("账号锁定至"));
    }

    @Test
    void administratorsCannotDisableOthersDisableWithACurrentCode() {
        SecondFactorUseCase.Enrolment admin = begin("admin", OtpAlgorithm.SM3);
        service.confirmEnrolment(caller("admin"), nextCode(admin));
        assertThatThrownBy(() -> service.disable(caller("admin"), nextCode(admin)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(service.requirement(actor("admin"))).isEqualTo(Requirement.CODE);

        SecondFactorUseCase.Enrolment bureau = begin("bureau", OtpAlgorithm.SHA1);
        service.confirmEnrolment(caller("bureau"), nextCode(bureau));
        assertThat(service.disable(caller("bureau"), "999999")).isInstanceOf(Rejected.class);
        assertThat(service.requirement(actor("bureau"))).isEqualTo(Requirement.CODE);
        assertThat(service.disable(caller("bureau"), nextCode(bureau))).isInstanceOf(Accepted.class);
        assertThat(service.requirement(actor("bureau"))).isEqualTo(Requirement.NONE);
        assertThat(events()).extracting(AuditRecord::summary).contains("解除绑定动态口令");
    }

    @Test
    void onlyTheSecurityAdministratorResetsAnotherAccountsSecondFactor() {
        SecondFactorUseCase.Enrolment admin = begin("admin", OtpAlgorithm.SM3);
        service.confirmEnrolment(caller("admin"), nextCode(admin));
        String adminId = actor("admin").userId();
        assertThatThrownBy(() -> service.reset(caller("auditadmin"), adminId)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.reset(caller("secadmin"), actor("secadmin").userId()))
                .isInstanceOf(InvalidCommandException.class);
        service.reset(caller("secadmin"), adminId);
        assertThat(service.requirement(actor("admin"))).isEqualTo(Requirement.ENROLMENT);
        assertThatThrownBy(() -> service.reset(caller("secadmin"), adminId)).isInstanceOf(NotFoundException.class);
        assertThat(events()).extracting(AuditRecord::summary).contains("重置账号 admin 的动态口令（须重新绑定）");
    }

    @Test
    void theSecurityPolicyIsTheSecurityAdministratorsAndAudited() {
        assertThat(service.current()).isEqualTo(SecurityPolicy.defaults());
        assertThatThrownBy(() -> service.read(caller("admin"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.update(caller("bureau"), new SecurityPolicy(true, true, 5)))
                .isInstanceOf(ForbiddenException.class);
        SecurityPolicy set = service.update(caller("secadmin"), new SecurityPolicy(true, false, 10));
        assertThat(set).isEqualTo(new SecurityPolicy(true, false, 10));
        assertThat(service.read(caller("secadmin"))).isEqualTo(set);
        // the security auditor reads it, and changes nothing
        assertThat(service.read(caller("auditadmin"))).isEqualTo(set);
        assertThatThrownBy(() -> service.update(caller("auditadmin"), SecurityPolicy.defaults()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(workplace.world.audit.all()).filteredOn(r -> "SECURITY_POLICY".equals(r.action()))
                .singleElement().satisfies(r -> assertThat(r.summary())
                        .contains("大数据局审批前再次验证动态口令 否").contains("→ 大数据局审批前再次验证动态口令 是"));
    }
}
