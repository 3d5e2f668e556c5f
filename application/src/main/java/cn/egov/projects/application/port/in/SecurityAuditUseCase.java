package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.AuditVerdict;

/** The security auditor's check of the audit trail's chain, the same as {@code verify-audit} (三员分立). */
public interface SecurityAuditUseCase {

    AuditVerdict verifyAuditTrail(Caller caller);
}
