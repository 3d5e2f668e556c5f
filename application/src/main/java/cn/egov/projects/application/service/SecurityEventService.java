package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SecurityEventUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.rule.Violation;

/**
 * Records the refusals of the access rules in the security audit trail (the security auditor reads them, 三员分立):
 * each in a transaction of its own, for the refused action's transaction, if any, has rolled back.
 */
public final class SecurityEventService implements SecurityEventUseCase {

    /** The action name of a refusal in the audit trail. */
    public static final String REFUSED = "REFUSED";
    private static final int MAX_REQUEST = 300;

    private final Ports ports;

    public SecurityEventService(Ports ports) {
        this.ports = ports;
    }

    @Override
    public void refused(Caller caller, String request, Violation violation) {
        Actor actor = caller.actor();
        String asked = request == null ? "" : request.length() > MAX_REQUEST ? request.substring(0, MAX_REQUEST)
                : request;
        ports.tx().inTransaction(() -> {
            ports.audit().append(new AuditRecord(ports.clock().now(), actor.userId(), actor.role(), actor.unit().code(),
                    REFUSED, violation.article(), null, null, null, caller.requestId(), caller.sourceAddress(),
                    "拒绝越权操作：" + asked + "（" + violation.code() + "）" + violation.messageZh()));
            return null;
        });
    }
}
