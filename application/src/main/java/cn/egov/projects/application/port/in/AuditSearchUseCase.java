package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Page;

/** Audit and the Bureau read the audit trail (Art. 4); classified projects' records keep their content hidden. */
public interface AuditSearchUseCase {

    Page<AuditEntry> search(Caller caller, AuditQuery query);
}
