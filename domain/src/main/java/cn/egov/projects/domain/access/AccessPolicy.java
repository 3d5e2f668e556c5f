package cn.egov.projects.domain.access;

import cn.egov.projects.domain.policy.AcceptanceStage;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.RuleCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and do what (RULES.md §1), denied by default: a unit's staff see and act on their own unit's
 * projects only; Audit reads everything and changes nothing; a classified project (Art. 27) is visible only inside
 * its 知悉范围 — its unit, the Secrecy office and the people the Secrecy office names into it (the Bureau's officers,
 * Finance, the Cyberspace office, Audit, experts) — and inside it every step can be taken as on any other project;
 * the administrator sees no project. A project outside one's scope is {@link AccessDecision.Kind#HIDDEN}, which the
 * application answers exactly as a project that does not exist.
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

    /**
     * Whether the person may learn who reviews the project (Art. 8): whoever sees it, except its own unit while the
     * review runs ({@link #reviewRunning}).
     */
    public boolean maySeeReviewers(Actor actor, Project project) {
        return canSee(actor, project) && !(actor.role().isUnitRole() && reviewRunning(project.state()));
    }

    /** Whether the expert review of Art. 8 has not ended: the project is a draft, declared or under review. */
    public static boolean reviewRunning(ProjectState state) {
        return state == ProjectState.DRAFT || state == ProjectState.DECLARED || state == ProjectState.UNDER_REVIEW;
    }

    /** A decision on an action that concerns no single project (opening a window, creating a draft …). */
    public AccessDecision decide(Actor actor, Action action) {
        if (!action.roles().contains(actor.role())) {
            return forbidden(actor, action);
        }
        return AccessDecision.allowed();
    }

    /**
     * A decision on an action on one project. Recording an acceptance, and naming or drawing its experts, are open to
     * whom the stage held next names ({@link AcceptanceStage#recordedBy}): the implementing unit's staff and leader,
     * or the Bureau's officers; the other side is refused citing the stage's own article.
     */
    public AccessDecision decide(Actor actor, Action action, Project project) {
        AccessDecision hidden = visibility(actor, project);
        if (hidden != null) {
            return hidden;
        }
        if (action == Action.RECORD_ACCEPTANCE || action == Action.ASSIGN_ACCEPTANCE_EXPERT) {
            return decideStage(actor, project, action);
        }
        return decide(actor, action);
    }

    /** The roles that record a stage of acceptance recorded by the unit or by the Bureau. */
    public static Set<Role> recorders(AcceptanceStage.RecordedBy by) {
        return switch (by) {
            case UNIT -> EnumSet.of(Role.UNIT_STAFF, Role.UNIT_LEADER);
            case BUREAU -> EnumSet.of(Role.BDB_OFFICER);
        };
    }

    /**
     * Whether the role organises the experts of the stage of acceptance held next — names or draws them: the one
     * that records the stage ({@link AcceptanceStage#recordedBy}).
     */
    public boolean organisesAcceptance(Role role, Project project) {
        return recorders(project.nextAcceptanceStage(pack).recordedBy()).contains(role);
    }

    private AccessDecision decideStage(Actor actor, Project project, Action action) {
        AcceptanceStage stage = project.nextAcceptanceStage(pack);
        Set<Role> roles = recorders(stage.recordedBy());
        if (roles.contains(actor.role())) {
            return AccessDecision.allowed();
        }
        boolean stages = pack.acceptanceStages().size() > 1;
        String what = action == Action.ASSIGN_ACCEPTANCE_EXPERT
                ? "指定或抽取" + (stages ? stage.nameZh() : "验收") + "专家"
                : stages ? "录入" + stage.nameZh() + "结果" : Action.RECORD_ACCEPTANCE.zh();
        String by = roles.stream().map(Role::zh).sorted().reduce((a, b) -> a + "、" + b).orElse("");
        return new AccessDecision(AccessDecision.Kind.FORBIDDEN,
                pack.roleViolation(stage, "「" + what + "」由" + by + "办理"));
    }

    private AccessDecision visibility(Actor actor, Project project) {
        Role role = actor.role();
        boolean ownUnit = role.isUnitRole() && actor.unit().equals(project.unit());
        if (!ownUnit && project.state() == ProjectState.DRAFT) {
            // a draft is its unit's own work: nobody outside the unit sees it before it is declared (RULES.md §1)
            return new AccessDecision(AccessDecision.Kind.HIDDEN,
                    pack.violation(RuleCode.ART3_OWN_UNIT, "该项目尚未申报，不在您的办理范围内"));
        }
        if (project.isClassified()) {
            boolean entitled = ownUnit || role == Role.SECRECY
                    || role.isNamedIntoClassifiedScope() && actor.assigned().contains(project.id());
            return entitled ? null : new AccessDecision(AccessDecision.Kind.HIDDEN,
                    pack.violation(RuleCode.ART27_CLASSIFIED, "涉密项目仅限本单位、保密部门和保密部门指定的人员知悉"));
        }
        boolean sees = switch (role) {
            case UNIT_STAFF, UNIT_LEADER -> ownUnit;
            case BDB_OFFICER, FINANCE, AUDIT, CYBERSEC, SECRECY -> true;
            case EXPERT -> actor.assigned().contains(project.id());
            case ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> false;
        };
        return sees ? null : new AccessDecision(AccessDecision.Kind.HIDDEN,
                pack.violation(RuleCode.ART3_OWN_UNIT, "该项目不在您的办理范围内"));
    }

    private AccessDecision forbidden(Actor actor, Action action) {
        if (action == Action.ASSIGN_REVIEW_EXPERT && actor.role().isUnitRole()) {
            return new AccessDecision(AccessDecision.Kind.FORBIDDEN, pack.violation(RuleCode.ART8_REVIEW_EXPERTS,
                    "「" + action.zh() + "」由" + Role.BDB_OFFICER.zh() + "办理"));
        }
        String by = action.roles().stream().map(Role::zh).sorted().reduce((a, b) -> a + "、" + b).orElse("");
        return new AccessDecision(AccessDecision.Kind.FORBIDDEN,
                pack.violation(RuleCode.ART4_ROLE, "「" + action.zh() + "」由" + by + "办理"));
    }
}
