package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.SecurityPolicy;

/** The security settings: read by anyone who must follow them, set by the security administrator only; audited. */
public interface SecurityPolicyUseCase {

    /** The settings in force. */
    SecurityPolicy current();

    /** The settings as the security administrator (or the security auditor, read only) reads them. */
    SecurityPolicy read(Caller caller);

    /** The security administrator sets them; each change is in the audit trail. */
    SecurityPolicy update(Caller caller, SecurityPolicy policy);
}
