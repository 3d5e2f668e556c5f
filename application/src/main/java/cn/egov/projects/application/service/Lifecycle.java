package cn.egov.projects.application.service;

import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ProjectCommand;
import cn.egov.projects.application.port.in.TransitionResult;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.AccessDecision;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.calendar.PeriodArithmetic;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineCalculator;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Outcome;
import cn.egov.projects.domain.rule.Violation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one way every lifecycle action runs, in one transaction: load the project, decide access (RULES.md §1),
 * check the version the person saw, let the domain decide under the project's policy pack, and — only when it
 * allows — save the project, append the audit record and tell the reminders which deadlines opened and closed.
 * A refusal throws and leaves no trace. A project outside the caller's scope is not found, exactly as one that does
 * not exist; the refusals and flags of a classified project never carry its name.
 */
final class Lifecycle {

    /** What a domain decision needs besides the project. */
    record Context(LocalDate today, PolicyPack pack, DeadlineCalculator calculator) {
    }

    /** The domain decision of one action. */
    @FunctionalInterface
    interface Decision {
        Outcome decide(Project project, Context context);
    }

    private final Ports ports;

    Lifecycle(Ports ports) {
        this.ports = Objects.requireNonNull(ports, "ports");
    }

    Ports ports() {
        return ports;
    }

    LocalDate today() {
        return ports.clock().today();
    }

    PolicyPack packInForce() {
        return ports.policies().policies().inForceOn(today());
    }

    Context context(String policyId) {
        LocalDate today = today();
        PolicyPack pack = ports.policies().policies().forProject(policyId, today);
        return new Context(today, pack, new DeadlineCalculator(pack, new PeriodArithmetic(ports.calendar().calendar())));
    }

    /** Refuses an action that concerns no single project when the caller's role may not take it. */
    void requireRole(Caller caller, Action action) {
        AccessDecision decision = new AccessPolicy(packInForce()).decide(caller.actor(), action);
        if (!decision.isAllowed()) {
            throw new ForbiddenException(decision.violation());
        }
    }

    /** A date a person states must not lie in the future. */
    void notInFuture(LocalDate date, String field, String nameZh) {
        if (date.isAfter(today())) {
            throw new InvalidCommandException(field, nameZh + "不能晚于今天（" + today() + "）");
        }
    }

    TransitionResult run(Caller caller, ProjectCommand command, Action action, String summary, Decision decision) {
        return ports.tx().inTransaction(() -> runInTransaction(caller, command.projectId(), command.expectedVersion(),
                action, summary, decision));
    }

    /** As {@link #run(Caller, ProjectCommand, Action, String, Decision)}, the summary written from the project and
     *  its pack as they stand before the decision (e.g. which stage of acceptance is held). */
    TransitionResult run(Caller caller, ProjectCommand command, Action action, Summary summary, Decision decision) {
        return ports.tx().inTransaction(() -> runInTransaction(caller, command.projectId(), command.expectedVersion(),
                action, summary, decision));
    }

    /** The audit summary of a step, written before the step is taken. */
    @FunctionalInterface
    interface Summary {
        String of(Project project, Context context);
    }

    TransitionResult runInTransaction(Caller caller, ProjectId id, Long expectedVersion, Action action, String summary,
                                      Decision decision) {
        return runInTransaction(caller, id, expectedVersion, action, (Summary) (p, c) -> summary, decision);
    }

    TransitionResult runInTransaction(Caller caller, ProjectId id, Long expectedVersion, Action action,
                                      Summary summaryOf, Decision decision) {
        Project project = loadFor(caller, id, action);
        if (expectedVersion != null && expectedVersion != project.version()) {
            throw new ConcurrentChangeException("project " + id + " is at version " + project.version()
                    + ", the caller saw " + expectedVersion);
        }
        Context context = context(project.policyId());
        ProjectState before = project.state();
        List<Deadline> deadlinesBefore = project.deadlines();
        String summary = summaryOf.of(project, context);
        // a stage of acceptance is recorded under the article that orders that stage (a preliminary one its own)
        String article = action == Action.RECORD_ACCEPTANCE
                ? context.pack().articleZh(project.nextAcceptanceStage(context.pack()))
                : context.pack().articleZh(action.provision());
        Outcome outcome = decision.decide(project, context);
        if (outcome.isRefused()) {
            throw new RefusedException(unnamed(project, outcome.refusals()));
        }
        ports.save().update(project);
        announceDeadlines(project, deadlinesBefore, before, context.today());
        // the audit record last: its append holds the audit chain's head until the commit, and every writer needs it
        record(caller, action, article, project.id(), before, project.state(), summary);
        return new TransitionResult(project.id(), project.state(), project.version(), unnamed(project,
                outcome.flags()));
    }

    /**
     * The decisions of the measures as they may be told about the project: a classified project's name (Art. 27) is
     * never carried by a message — the measures quote it as 「name」 — but replaced by 「涉密项目（its {@link
     * cn.egov.projects.domain.project.ProjectId#shortNumber short number}）」, which tells the person which of the projects they acted on is meant.
     */
    static List<Violation> unnamed(Project project, List<Violation> violations) {
        if (!project.isClassified() || violations.isEmpty()) {
            return violations;
        }
        String quoted = "「" + project.profile().name() + "」";
        String alias = "「涉密项目（" + project.id().shortNumber() + "）」";
        return violations.stream().map(v -> v.messageZh().contains(quoted)
                ? new Violation(v.code(), v.article(), v.messageZh().replace(quoted, alias)) : v).toList();
    }

    /** Loads a project and decides the caller's access; a project outside their scope does not exist for them. */
    Project loadFor(Caller caller, ProjectId id, Action action) {
        return require(caller, ports.load().load(id).orElseThrow(Lifecycle::notFound), action);
    }

    /** The action name of a read of a classified project in the (security) audit trail. */
    static final String READ_CLASSIFIED = "READ_CLASSIFIED";

    /**
     * Loads a project for reading, as {@link #loadFor} with {@link Action#VIEW_PROJECT} does; a read of a classified
     * project (Art. 27) inside the person's 知悉范围 is recorded in the security audit trail — who, from where, which
     * request, the project's number (never its name) and what was read — in a transaction of its own (joined, when the
     * read runs inside one). The record names no project in its project column, so that neither the project's own
     * records nor anyone's operation records list it: it is the security auditor's.
     *
     * @param what what is read, in Chinese (详情, 文档目录 …)
     */
    Project readFor(Caller caller, ProjectId id, String what) {
        Project project = loadFor(caller, id, Action.VIEW_PROJECT);
        if (project.isClassified()) {
            Actor actor = caller.actor();
            ports.tx().inTransaction(() -> {
                ports.audit().append(new AuditRecord(ports.clock().now(), actor.userId(), actor.role(),
                        actor.unit().code(), READ_CLASSIFIED, packOf(project).articleZh(Provision.CLASSIFIED), null,
                        null, null, caller.requestId(), caller.sourceAddress(), "查看涉密项目" + id + "的" + what));
                return null;
            });
        }
        return project;
    }

    /** The pack the project is judged by. */
    PolicyPack packOf(Project project) {
        return ports.policies().policies().forProject(project.policyId(), today());
    }

    /** Decides the caller's access to a project already loaded, as {@link #loadFor} does. */
    Project require(Caller caller, Project project, Action action) {
        PolicyPack pack = ports.policies().policies().forProject(project.policyId(), today());
        AccessDecision decision = new AccessPolicy(pack).decide(caller.actor(), action, project);
        switch (decision.kind()) {
            case HIDDEN -> throw notFound();
            case FORBIDDEN -> throw new ForbiddenException(decision.violation());
            case ALLOWED -> {
                return project;
            }
            default -> throw new IllegalStateException(decision.kind().name());
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("项目不存在或不在您的办理范围内");
    }

    /** Records an action that concerns no single project, citing the article the pack in force gives it. */
    void audit(Caller caller, Action action, ProjectId projectId, ProjectState from, ProjectState to, String summary) {
        audit(caller, action, packInForce(), projectId, from, to, summary);
    }

    /** Records an action on the audit trail, citing the article the pack gives it. */
    void audit(Caller caller, Action action, PolicyPack pack, ProjectId projectId, ProjectState from, ProjectState to,
               String summary) {
        record(caller, action, pack.articleZh(action.provision()), projectId, from, to, summary);
    }

    private void record(Caller caller, Action action, String article, ProjectId projectId, ProjectState from,
                        ProjectState to, String summary) {
        Actor actor = caller.actor();
        ports.audit().append(new AuditRecord(ports.clock().now(), actor.userId(), actor.role(), actor.unit().code(),
                action.name(), article, projectId == null ? null : projectId.toString(),
                from, to, caller.requestId(), caller.sourceAddress(), summary));
    }

    void announceDeadlines(Project project, List<Deadline> before) {
        announceDeadlines(project, before, project.state(), null);
    }

    /**
     * Tells the reminders of the deadlines a step opened and closed; a draft declared ({@code stateBefore} DRAFT) has
     * also met its reminder-only deadline of declaring before the window closes, met on {@code today}.
     */
    void announceDeadlines(Project project, List<Deadline> before, ProjectState stateBefore, LocalDate today) {
        Map<UUID, Deadline> old = new HashMap<>();
        before.forEach(d -> old.put(d.id(), d));
        List<Deadline> after = project.deadlines();
        List<Deadline> opened = after.stream().filter(d -> d.isOpen() && !old.containsKey(d.id())).toList();
        List<Deadline> closed = new java.util.ArrayList<>(after.stream()
                .filter(d -> !d.isOpen() && old.containsKey(d.id()) && old.get(d.id()).isOpen()).toList());
        if (stateBefore == ProjectState.DRAFT && project.state() != ProjectState.DRAFT && today != null) {
            closed.add(Deadline.open(ReminderPlanningService.windowClosingKey(project.profile().planYear(),
                    project.id()), DeadlineKind.WINDOW_CLOSING, null, today, today, false).metOn(today));
        }
        if (!opened.isEmpty() || !closed.isEmpty()) {
            ports.reminders().deadlinesChanged(project, opened, closed);
        }
    }
}
