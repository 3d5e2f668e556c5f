package cn.egov.projects.domain.access;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.rule.RuleCode;

/**
 * Who may see and do what (RULES.md §1), denied by default: a unit's staff see and act on their own unit's
 * projects only; Audit reads everything and changes nothing; classified projects (Art. 27) are visible only to
 * their unit, the Secrecy office and explicitly assigned Bureau officers; the administrator sees no project.
 */
public final class AccessPolicy {

    private final PolicyPack pack;

    public AccessPolicy(PolicyPack pack) {
        this.pack = pack;
    }

    /** Whether the person may see the project at all. */
    public boolean canSee(Actor actor, Project project) {
        return visibility(actor, project) == null;
    }

    /** A decision on an action that concerns no single project (opening a window, creating a draft …). */
    public AccessDecision decide(Actor actor, Action action) {
        if (!action.roles().contains(actor.role())) {
            return forbidden(action);
        }
        return AccessDecision.allowed();
    }

    /** A decision on an action on one project. */
    public AccessDecision decide(Actor actor, Action action, Project project) {
        AccessDecision hidden = visibility(actor, project);
        if (hidden != null) {
            return hidden;
        }
        return decide(actor, action);
    }

    private AccessDecision visibility(Actor actor, Project project) {
        Role role = actor.role();
        boolean ownUnit = role.isUnitRole() && actor.unit().equals(project.unit());
        if (project.isClassified()) {
            boolean entitled = ownUnit || role == Role.SECRECY
                    || role == Role.BDB_OFFICER && actor.assigned().contains(project.id());
            return entitled ? null : new AccessDecision(AccessDecision.Kind.HIDDEN,
                    pack.violation(RuleCode.ART27_CLASSIFIED, "涉密项目仅限本单位、保密部门和指定人员查看"));
        }
        boolean sees = switch (role) {
            case UNIT_STAFF, UNIT_LEADER -> ownUnit;
            case BDB_OFFICER, FINANCE, AUDIT, CYBERSEC, SECRECY -> true;
            case EXPERT -> actor.assigned().contains(project.id());
            case ADMIN -> false;
        };
        return sees ? null : new AccessDecision(AccessDecision.Kind.HIDDEN,
                pack.violation(RuleCode.ART3_OWN_UNIT, "该项目不在您的办理范围内"));
    }

    private AccessDecision forbidden(Action action) {
        String by = action.roles().stream().map(Role::zh).sorted().reduce((a, b) -> a + "、" + b).orElse("");
        return new AccessDecision(AccessDecision.Kind.FORBIDDEN,
                pack.violation(RuleCode.ART4_ROLE, "「" + action.zh() + "」由" + by + "办理"));
    }
}
