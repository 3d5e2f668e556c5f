package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ProjectAssignmentUseCase;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.ClearancePort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort.Assignment;
import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.AssignmentPurpose;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.domain.rule.RuleCode;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Naming people to a project (RULES.md §1):
 * <ul>
 *     <li>a classified project (Art. 27) is known only inside its 知悉范围: its unit, the secrecy office, and the
 *     Bureau's officers, Finance, the Cyberspace office, Audit and experts the secrecy office names into it
 *     ({@link AssignmentPurpose#SCOPE}); nobody else names anyone to it;</li>
 *     <li>on any other project the Bureau draws the review experts (Art. 8, {@link AssignmentPurpose#REVIEW}) and the
 *     implementing unit names its acceptance experts once the project runs on trial (Art. 24,
 *     {@link AssignmentPurpose#ACCEPTANCE}). The unit never names or removes a review expert, and does not learn who
 *     reviews its project before the review ends: while it runs, any change of experts it tries is refused the same
 *     way whoever the expert is, and its view leaves the reviewers out.</li>
 * </ul>
 * A project the caller may not see does not exist for them, whoever they name. Each change is audited in the same
 * transaction and, once committed, the person's open sessions are told to look again ({@link AccessChangesPort}).
 */
public final class ProjectAssignmentService implements ProjectAssignmentUseCase {

    /** The roles the secrecy office names into a classified project's scope, in the order a page lists them. */
    private static final List<Role> SCOPE_ROLES = Arrays.stream(Role.values())
            .filter(Role::isNamedIntoClassifiedScope).toList();

    private final Lifecycle lifecycle;
    private final AccountPort accounts;
    private final ProjectAssignmentPort assignments;
    private final AccessChangesPort changes;
    private final ClearancePort clearances;

    /**
     * @param clearances who the security administrator cleared: only they are named into a classified project's scope
     */
    public ProjectAssignmentService(Ports ports, AccountPort accounts, ProjectAssignmentPort assignments,
                                    ClearancePort clearances, AccessChangesPort changes) {
        this.clearances = Objects.requireNonNull(clearances, "clearances");
        this.lifecycle = new Lifecycle(ports);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public ProjectAssignments assignments(Caller caller, ProjectId id) {
        return lifecycle.ports().tx().inTransaction(() -> view(caller, lifecycle.readFor(caller, id,
                "知悉范围人员")));
    }

    @Override
    public ProjectAssignments assign(Caller caller, ProjectId id, String userId) {
        return change(caller, id, userId, true);
    }

    @Override
    public ProjectAssignments unassign(Caller caller, ProjectId id, String userId) {
        return change(caller, id, userId, false);
    }

    private record Changed(ProjectAssignments view, String userId, boolean changed) {
    }

    private ProjectAssignments change(Caller caller, ProjectId id, String userId, boolean assign) {
        Changed result = lifecycle.ports().tx().inTransaction(() -> {
            // the project first: one the caller may not see does not exist for them, whoever they name
            Project project = lifecycle.loadFor(caller, id, Action.VIEW_PROJECT);
            Account target = (userId == null || userId.isBlank() ? Optional.<Account>empty()
                    : accounts.findById(userId.trim()))
                    .orElseThrow(() -> new InvalidCommandException("userId", "账号不存在"));
            AssignmentPurpose purpose;
            boolean changed;
            if (assign) {
                purpose = toName(caller, project, target);
                changed = assignments.assign(target.userId(), project.id(), purpose);
            } else {
                purpose = toRemove(caller, project, target);
                changed = assignments.unassign(target.userId(), project.id());
            }
            if (changed) {
                lifecycle.audit(caller, purpose.action(), lifecycle.context(project.policyId()).pack(), project.id(), project.state(), project.state(),
                        (assign ? "指定" : "取消指定") + target.displayName() + "（" + target.role().zh() + "，"
                                + target.username() + "）为" + purpose.zh());
            }
            return new Changed(view(caller, project), target.userId(), changed);
        });
        if (result.changed()) {
            changes.accessChanged(result.userId());
        }
        return result.view();
    }

    /** What naming the account would make it, once the caller's right to it, the account and the stage are checked. */
    private AssignmentPurpose toName(Caller caller, Project project, Account target) {
        AssignmentPurpose purpose = purposeFor(caller.actor(), project, target, pack(project));
        lifecycle.require(caller, project, purpose.action());
        if (!target.enabled()) {
            throw new InvalidCommandException("userId", "账号「" + target.displayName() + "」已停用，不能指定");
        }
        if (purpose == AssignmentPurpose.SCOPE && clearances.clearanceOf(target.userId()).isEmpty()) {
            PolicyPack pack = lifecycle.context(project.policyId()).pack();
            throw new InvalidCommandException("userId", "「" + target.displayName() + "」未获" + Role.SECURITY_ADMIN.zh()
                    + "授予的涉密资格，不能指定进入涉密项目的知悉范围（" + pack.articleZh(Provision.CLASSIFIED) + "）");
        }
        if (!purpose.isOpenIn(project.state())) {
            throw new RefusedException(List.of(purpose.notOpenIn(project.state(), lifecycle.context(project.policyId()).pack())));
        }
        return purpose;
    }

    /**
     * What the account is named for, once the caller's right to remove it is checked; for an account not named, what
     * naming it would be (removing it then changes nothing).
     */
    private AssignmentPurpose toRemove(Caller caller, Project project, Account target) {
        Actor actor = caller.actor();
        if (actor.role().isUnitRole() && !project.isClassified() && AccessPolicy.reviewRunning(project.state())) {
            // refused before anything about the expert is read: the unit learns nothing of who reviews (Art. 8)
            throw new ForbiddenException(pack(project).violation(RuleCode.ART8_REVIEW_EXPERTS,
                    "评审结束前，本单位不得变动或查看本项目的专家"));
        }
        Optional<AssignmentPurpose> current = assignments.assignedTo(project.id()).stream()
                .filter(a -> a.account().userId().equals(target.userId())).map(Assignment::purpose).findFirst();
        AssignmentPurpose purpose = current.orElseGet(() -> purposeFor(actor, project, target, pack(project)));
        lifecycle.require(caller, project, actionFor(project, purpose));
        return purpose;
    }

    /** The purpose the caller names the account for: the project's scope, a review or an acceptance. */
    private static AssignmentPurpose purposeFor(Actor caller, Project project, Account target, PolicyPack pack) {
        Role role = target.role();
        if (project.isClassified()) {
            if (!role.isNamedIntoClassifiedScope()) {
                throw new InvalidCommandException("userId", "涉密项目的知悉范围只能指定"
                        + SCOPE_ROLES.stream().map(Role::zh).collect(Collectors.joining("、")) + "，「"
                        + target.displayName() + "」是" + role.zh());
            }
            return AssignmentPurpose.SCOPE;
        }
        if (role != Role.EXPERT) {
            throw new InvalidCommandException("userId", "非涉密项目只能指定评审专家或验收专家，「" + target.displayName()
                    + "」是" + role.zh() + (role.isNamedIntoClassifiedScope() || role == Role.SECRECY
                    ? "，本就可以查看非涉密项目，无需指定" : ""));
        }
        return naming(caller, project, pack);
    }

    /**
     * What the caller names experts for on a project that is not classified: a unit its acceptance experts; the
     * Bureau its reviewers, and the acceptance experts of a stage it records ({@code recordedBy}) once the project
     * runs on trial or awaits acceptance. Whether the caller may is the access policy's (a unit is refused the
     * experts of a stage the Bureau records, citing the stage's article).
     */
    private static AssignmentPurpose naming(Actor caller, Project project, PolicyPack pack) {
        if (caller.role().isUnitRole()) {
            return AssignmentPurpose.ACCEPTANCE;
        }
        return AssignmentPurpose.ACCEPTANCE.isOpenIn(project.state())
                && new AccessPolicy(pack).organisesAcceptance(caller.role(), project)
                ? AssignmentPurpose.ACCEPTANCE : AssignmentPurpose.REVIEW;
    }

    /** Who may name or remove people for the purpose on the project: only the secrecy office on a classified one. */
    private static Action actionFor(Project project, AssignmentPurpose purpose) {
        return project.isClassified() ? Action.ASSIGN_TO_SCOPE : purpose.action();
    }

    private PolicyPack pack(Project project) {
        return lifecycle.ports().policies().policies().forProject(project.policyId(), lifecycle.today());
    }

    private ProjectAssignments view(Caller caller, Project project) {
        Actor actor = caller.actor();
        AccessPolicy policy = new AccessPolicy(pack(project));
        List<Assignment> named = assignments.assignedTo(project.id());
        boolean seesReviewers = policy.maySeeReviewers(actor, project);
        AssignmentPurpose naming = project.isClassified() ? AssignmentPurpose.SCOPE
                : naming(actor, project, pack(project));
        boolean mayManage = policy.decide(actor, naming.action(), project).isAllowed()
                && naming.isOpenIn(project.state());
        List<ProjectAssignments.Person> candidates = List.of();
        if (mayManage) {
            Set<String> already = named.stream().map(a -> a.account().userId()).collect(Collectors.toSet());
            List<Account> eligible = new ArrayList<>();
            for (Role role : naming == AssignmentPurpose.SCOPE ? SCOPE_ROLES : List.of(Role.EXPERT)) {
                eligible.addAll(accounts.findEnabledByRole(role, Optional.empty()));
            }
            candidates = eligible.stream().filter(a -> !already.contains(a.userId()))
                    // only cleared people can be named into a classified project's scope
                    .filter(a -> naming != AssignmentPurpose.SCOPE || clearances.clearanceOf(a.userId()).isPresent())
                    .sorted(IN_LIST)
                    .map(a -> person(a, naming, false)).toList();
        }
        List<ProjectAssignments.Person> people = named.stream()
                .filter(a -> seesReviewers || !mayReview(a))
                .sorted(Comparator.comparing(Assignment::account, IN_LIST))
                .map(a -> person(a.account(), a.purpose(),
                        policy.decide(actor, actionFor(project, a.purpose()), project).isAllowed()))
                .toList();
        return new ProjectAssignments(project.id(), project.isClassified(), people, candidates, mayManage);
    }

    /** Whether the person may be one of the project's reviewers, whom its unit does not learn of during review. */
    private static boolean mayReview(Assignment a) {
        return a.purpose() == AssignmentPurpose.REVIEW
                || a.purpose() == AssignmentPurpose.SCOPE && a.account().role() == Role.EXPERT;
    }

    /** By role (the Bureau first, experts last), then by display name as a Chinese reader orders names (pinyin). */
    private static final Comparator<Account> IN_LIST = Comparator.comparing(Account::role)
            .thenComparing(Account::displayName, ByName.COLLATOR).thenComparing(Account::username);

    /** The Chinese collator, made when a list is first sorted: its tables take a tenth of a second to build. */
    private static final class ByName {
        static final Comparator<Object> COLLATOR = (a, b) -> Holder.INSTANCE.compare(a, b);

        private static final class Holder {
            static final Collator INSTANCE = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        }
    }

    private static ProjectAssignments.Person person(Account a, AssignmentPurpose purpose, boolean removable) {
        return new ProjectAssignments.Person(a.userId(), a.username(), a.displayName(), a.role(), a.unit(), purpose,
                removable);
    }
}
