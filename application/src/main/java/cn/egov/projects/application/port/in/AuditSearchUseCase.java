package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Page;

/** Audit and the Bureau read the audit trail (Art. 4); classified projects' records keep their content hidden. */
public interface AuditSearchUseCase {

    /** The project operation records in the caller's scope (Audit, the Bureau). */
    Page<AuditEntry> search(Caller caller, AuditQuery query);

    /** The whole security audit trail: the security auditor's alone (三员分立). */
    Page<AuditEntry> searchSecurityTrail(Caller caller, AuditQuery query);
}
