package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.AuditVerdict;

/** Recomputes the audit trail's sealed chain (GB/T 39786 数据完整性): reads only. */
public interface AuditVerificationPort {

    AuditVerdict verify();
}
