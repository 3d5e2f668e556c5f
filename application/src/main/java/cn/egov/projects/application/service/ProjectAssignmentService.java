package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ProjectAssignmentUseCase;
import cn.egov.projects.application.port.out.AccessChangesPort;
import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort;
import cn.egov.projects.application.view.ProjectAssignments;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.rule.RuleCode;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Naming people to a project (RULES.md §1). A classified project (Art. 27) is seen only by its unit, the secrecy
 * office and the Bureau's officers the secrecy office names to it (Art. 4: it guides and supervises classified
 * projects); experts see the projects they review or accept, named by the Bureau (Art. 8) or by the project's own
 * unit (Art. 24), and never a classified one. Each change is audited in the same transaction and, once committed, the
 * person's open sessions are told to look again ({@link AccessChangesPort}).
 */
public final class ProjectAssignmentService implements ProjectAssignmentUseCase {

    private final Lifecycle lifecycle;
    private final AccountPort accounts;
    private final ProjectAssignmentPort assignments;
    private final AccessChangesPort changes;

    public ProjectAssignmentService(Ports ports, AccountPort accounts, ProjectAssignmentPort assignments,
                                    AccessChangesPort changes) {
        this.lifecycle = new Lifecycle(ports);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public ProjectAssignments assignments(Caller caller, ProjectId id) {
        return lifecycle.ports().tx().inTransaction(() -> view(caller, lifecycle.loadFor(caller, id,
                Action.VIEW_PROJECT)));
    }

    @Override
    public ProjectAssignments assign(Caller caller, ProjectId id, String userId) {
        return change(caller, id, userId, true);
    }

    @Override
    public ProjectAssignments unassign(Caller caller, ProjectId id, String userId) {
        return change(caller, id, userId, false);
    }

    private record Changed(ProjectAssignments view, boolean changed) {
    }

    private ProjectAssignments change(Caller caller, ProjectId id, String userId, boolean assign) {
        Changed result = lifecycle.ports().tx().inTransaction(() -> {
            // the project first: one the caller may not see does not exist for them, whoever they name
            Project seen = lifecycle.loadFor(caller, id, Action.VIEW_PROJECT);
            Account target = (userId == null || userId.isBlank() ? Optional.<Account>empty()
                    : accounts.findById(userId.trim()))
                    .orElseThrow(() -> new InvalidCommandException("userId", "账号不存在"));
            Action action = actionFor(target);
            Project project = lifecycle.require(caller, seen, action);
            boolean changed;
            if (assign) {
                requireAssignable(project, target, action);
                changed = assignments.assign(target.userId(), project.id());
            } else {
                changed = assignments.unassign(target.userId(), project.id());
            }
            if (changed) {
                lifecycle.audit(caller, action, project.id(), project.state(), project.state(),
                        (assign ? "指定" : "取消指定") + target.displayName() + "（" + target.role().zh() + "，"
                                + target.username() + "）" + (action == Action.ASSIGN_OFFICER
                                ? "为涉密项目经办人员" : "为项目评审专家"));
            }
            return new Changed(view(caller, project), changed);
        });
        if (result.changed()) {
            changes.accessChanged(userId.trim());
        }
        return result.view();
    }

    private static Action actionFor(Account target) {
        return switch (target.role()) {
            case BDB_OFFICER -> Action.ASSIGN_OFFICER;
            case EXPERT -> Action.ASSIGN_EXPERT;
            default -> throw new InvalidCommandException("userId", "只能指定" + Role.BDB_OFFICER.zh() + "（涉密项目）或"
                    + Role.EXPERT.zh() + "，「" + target.displayName() + "」是" + target.role().zh());
        };
    }

    private void requireAssignable(Project project, Account target, Action action) {
        if (!target.enabled()) {
            throw new InvalidCommandException("userId", "账号「" + target.displayName() + "」已停用，不能指定");
        }
        if (action == Action.ASSIGN_OFFICER && !project.isClassified()) {
            throw new InvalidCommandException("userId",
                    "非涉密项目" + Role.BDB_OFFICER.zh() + "均可查看，无需指定");
        }
        if (action == Action.ASSIGN_EXPERT && project.isClassified()) {
            throw new RefusedException(List.of(pack(project).violation(RuleCode.ART27_CLASSIFIED,
                    "涉密项目不向评审专家开放，其评审和验收按保密规定组织")));
        }
    }

    private PolicyPack pack(Project project) {
        return lifecycle.ports().policies().policies().forProject(project.policyId(), lifecycle.today());
    }

    private ProjectAssignments view(Caller caller, Project project) {
        AccessPolicy policy = new AccessPolicy(pack(project));
        List<Account> named = assignments.assignedTo(project.id());
        Action manageable = project.isClassified() ? Action.ASSIGN_OFFICER : Action.ASSIGN_EXPERT;
        boolean mayManage = policy.decide(caller.actor(), manageable, project).isAllowed();
        List<ProjectAssignments.Person> candidates = List.of();
        if (mayManage) {
            Set<String> already = named.stream().map(Account::userId).collect(Collectors.toSet());
            Role role = manageable == Action.ASSIGN_OFFICER ? Role.BDB_OFFICER : Role.EXPERT;
            candidates = accounts.findEnabledByRole(role, Optional.empty()).stream()
                    .filter(a -> !already.contains(a.userId()))
                    .sorted(BY_NAME).map(ProjectAssignmentService::person).toList();
        }
        List<ProjectAssignments.Person> people = named.stream()
                .sorted(Comparator.comparing((Account a) -> a.role() == Role.BDB_OFFICER ? 0 : 1).thenComparing(BY_NAME))
                .map(ProjectAssignmentService::person).toList();
        return new ProjectAssignments(project.id(), project.isClassified(), people, candidates, mayManage);
    }

    /** By display name as a Chinese reader orders names (pinyin), then by username. */
    private static final Comparator<Account> BY_NAME = Comparator.comparing(Account::displayName, ByName.COLLATOR)
            .thenComparing(Account::username);

    /** The Chinese collator, made when a list is first sorted: its tables take a tenth of a second to build. */
    private static final class ByName {
        static final Comparator<Object> COLLATOR = (a, b) -> Holder.INSTANCE.compare(a, b);

        private static final class Holder {
            static final Collator INSTANCE = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        }
    }

    private static ProjectAssignments.Person person(Account a) {
        return new ProjectAssignments.Person(a.userId(), a.username(), a.displayName(), a.role(), a.unit());
    }
}
