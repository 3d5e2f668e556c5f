package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.rule.Violation;

/** Events the security audit trail records besides the actions themselves (等保 2.0 §8.1.4.3 安全审计). */
public interface SecurityEventUseCase {

    /**
     * A signed-in person was refused an action their role may not take (403): who, from where, what was asked and
     * why, in the security audit trail, in a transaction of its own.
     *
     * @param request the request as "METHOD /path" (no query string, no body)
     */
    void refused(Caller caller, String request, Violation violation);
}
