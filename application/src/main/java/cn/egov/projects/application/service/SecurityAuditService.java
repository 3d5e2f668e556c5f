package cn.egov.projects.application.service;

import cn.egov.projects.application.view.AuditVerdict;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SecurityAuditUseCase;
import cn.egov.projects.application.port.out.AuditVerificationPort;
import cn.egov.projects.domain.access.Action;

import java.util.Objects;

/**
 * The security auditor (安全审计员) checks that the audit trail is as the application wrote it; only they may, and the
 * check itself is recorded (an administrator's every action is audited, 等保 2.0 §8.1.4.3).
 */
public final class SecurityAuditService implements SecurityAuditUseCase {

    private final Lifecycle lifecycle;
    private final AuditVerificationPort verification;

    public SecurityAuditService(Ports ports, AuditVerificationPort verification) {
        this.lifecycle = new Lifecycle(ports);
        this.verification = Objects.requireNonNull(verification, "verification");
    }

    @Override
    public AuditVerdict verifyAuditTrail(Caller caller) {
        lifecycle.requireRole(caller, Action.VIEW_SECURITY_AUDIT);
        AuditVerdict verdict = verification.verify();
        lifecycle.ports().tx().inTransaction(() -> {
            lifecycle.audit(caller, Action.VIEW_SECURITY_AUDIT, null, null, null, verdict.intact()
                    ? "核验审计记录链：完整，已核验" + verdict.checked() + "条"
                    : "核验审计记录链：被破坏" + verdict.brokenAt().map(id -> "，首个问题在第" + id + "号记录").orElse("，问题在链头"));
            return null;
        });
        return verdict;
    }
}
