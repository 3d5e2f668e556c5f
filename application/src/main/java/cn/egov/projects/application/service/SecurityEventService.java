package cn.egov.projects.application.service;

import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SecurityEventUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.rule.Violation;

import java.util.List;

/**
 * Records the refusals of the access rules and the exports in the security audit trail (the security auditor reads
 * them, 三员分立): each in a transaction of its own, for the refused action's transaction, if any, has rolled back.
 */
public final class SecurityEventService implements SecurityEventUseCase {

    /** The action name of a refusal in the audit trail. */
    public static final String REFUSED = "REFUSED";
    /** The action name of an export in the audit trail. */
    public static final String EXPORT = "EXPORT";
    /** The action name of a read of a classified project in the audit trail ({@link Lifecycle#readFor}). */
    public static final String READ_CLASSIFIED = Lifecycle.READ_CLASSIFIED;
    private static final int MAX_LISTED = 20;
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

    @Override
    public void exported(Caller caller, String export, String filter, int rows, List<String> classified) {
        Actor actor = caller.actor();
        StringBuilder summary = new StringBuilder("导出").append(export);
        if (filter != null && !filter.isEmpty()) {
            summary.append("（").append(filter.length() > MAX_REQUEST ? filter.substring(0, MAX_REQUEST) : filter)
                    .append("）");
        }
        summary.append("：").append(rows).append("行");
        if (!classified.isEmpty()) {
            summary.append("，其中涉密项目").append(classified.size()).append("个：")
                    .append(String.join("、", classified.subList(0, Math.min(MAX_LISTED, classified.size()))));
            if (classified.size() > MAX_LISTED) {
                summary.append("等");
            }
        }
        ports.tx().inTransaction(() -> {
            ports.audit().append(new AuditRecord(ports.clock().now(), actor.userId(), actor.role(), actor.unit().code(),
                    EXPORT, ports.policies().policies().inForceOn(ports.clock().today()).articleZh(Provision.AUTHORITIES),
                    null, null, null, caller.requestId(), caller.sourceAddress(), summary.toString()));
            return null;
        });
    }
}
