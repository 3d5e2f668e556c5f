package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DeadLetterUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.DeadLetterPort;
import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.view.DeadLetter;
import cn.egov.projects.domain.access.AccessDecision;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;

import java.util.List;
import java.util.Objects;

/**
 * The reminders that could not be delivered, for the system administrator only: listed, and sent off again with an
 * audit record. A dead letter names a channel, an address and a count, never a project's content.
 */
public final class DeadLetterService implements DeadLetterUseCase {

    private final DeadLetterPort deadLetters;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PolicyPort policies;

    public DeadLetterService(DeadLetterPort deadLetters, AuditTrailPort audit, ClockPort clock, TransactionPort tx,
                             PolicyPort policies) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    @Override
    public List<DeadLetter> listDeadLetters(Caller caller, int limit) {
        requireAdmin(caller);
        return deadLetters.list(Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public void retryDeadLetter(Caller caller, long id) {
        requireAdmin(caller);
        tx.inTransaction(() -> {
            if (!deadLetters.retry(id, caller.actor().userId())) {
                throw new NotFoundException("没有待处理的该条发送失败记录");
            }
            Actor actor = caller.actor();
            audit.append(new AuditRecord(clock.now(), actor.userId(), actor.role(), actor.unit().code(),
                    Action.MANAGE_DEAD_LETTERS.name(),
                    policies.policies().inForceOn(clock.today()).articleZh(Action.MANAGE_DEAD_LETTERS.provision()), null,
                    null, null, caller.requestId(), caller.sourceAddress(), "重新发送提醒（失败记录 " + id + "）"));
            return null;
        });
    }

    private void requireAdmin(Caller caller) {
        AccessDecision decision = new AccessPolicy(policies.policies().inForceOn(clock.today()))
                .decide(caller.actor(), Action.MANAGE_DEAD_LETTERS);
        if (!decision.isAllowed()) {
            throw new ForbiddenException(decision.violation());
        }
    }
}
