package cn.egov.projects.web.routes;

import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.port.in.SecurityPolicyUseCase;
import cn.egov.projects.application.view.SecurityPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.http.Blocking;
import cn.egov.projects.web.auth.Callers;
import cn.egov.projects.web.auth.SecondFactorAnswers;
import cn.egov.projects.web.auth.Sessions;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Step-up before approving: when the security policy asks for it, the Bureau's and Finance's approving actions run
 * only for a caller who passed a one-time code within the policy's minutes (a session's sign-in, enrolment or
 * {@code POST /api/session/code}; an HTTP Basic request's {@value SecondFactorAnswers#OTP_HEADER}); otherwise 401
 * {@code AUTH_STEP_UP_REQUIRED}, and the page asks for a code and tries again.
 */
public final class StepUpCheck implements ActionRoutes.StepUp {

    /** The Bureau's approving actions: the decisions on a project's review, approval, plan, change and end. */
    public static final Set<Action> BDB_APPROVALS = EnumSet.of(Action.RECORD_REVIEW, Action.RECORD_APPROVAL,
            Action.ADD_TO_PLAN, Action.PRE_PROCUREMENT_REVIEW, Action.DECIDE_CHANGE, Action.TERMINATE,
            Action.RECORD_START_EXCEPTION, Action.WAIVE_DEADLINE);
    /** Finance's approving actions: funding, recovery of funds, final accounts. */
    public static final Set<Action> FINANCE_APPROVALS = EnumSet.of(Action.PROPOSE_FUNDING,
            Action.RECORD_FUND_RECOVERY, Action.FILE_FINAL_ACCOUNTS);

    private final SecurityPolicyUseCase policy;
    private final SecondFactorUseCase secondFactor;

    public StepUpCheck(SecurityPolicyUseCase policy, SecondFactorUseCase secondFactor) {
        this.policy = policy;
        this.secondFactor = secondFactor;
    }

    @Override
    public void check(RoutingContext ctx, Action action, Runnable then) {
        Actor actor = Callers.actor(ctx).orElse(null);
        boolean candidate = actor != null && (actor.role() == Role.BDB_OFFICER && BDB_APPROVALS.contains(action)
                || actor.role() == Role.FINANCE && FINANCE_APPROVALS.contains(action));
        if (!candidate) {
            then.run();
            return;
        }
        java.util.OptionalLong passedAt = Sessions.secondFactorAt(ctx);
        Blocking.call(ctx, () -> {
            SecurityPolicy p = policy.current();
            boolean asked = actor.role() == Role.BDB_OFFICER ? p.stepUpBdbApprovals() : p.stepUpFinanceApprovals();
            if (!asked || Sessions.secondFactorWithin(passedAt, p.stepUpMinutes())) {
                return null;
            }
            return new Object[]{p.stepUpMinutes(),
                    secondFactor.requirement(actor) == SecondFactorUseCase.Requirement.CODE};
        }).onSuccess(refusal -> {
            if (refusal == null) {
                // run as a handler would: what it throws (a malformed id, say) goes to the failure handler
                try {
                    then.run();
                } catch (RuntimeException e) {
                    ctx.fail(e);
                }
            } else {
                SecondFactorAnswers.stepUpRequired(ctx, (Integer) refusal[0], (Boolean) refusal[1]);
            }
        }).onFailure(ctx::fail);
    }
}
