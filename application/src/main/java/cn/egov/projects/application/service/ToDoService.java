package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.MyDeadlinesUseCase;
import cn.egov.projects.application.port.in.ToDo;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.port.out.ScopedDeadlinesPort;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.rule.Articles;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * To-do lists of deadlines (RULES.md §5): whose deadlines a person sees follows the role (a unit's staff their own
 * unit's; the Bureau every visible project's, for escalation; Finance the final accounts of Art. 26), within the same
 * scope as their project list (RULES.md §1).
 */
public final class ToDoService implements MyDeadlinesUseCase {

    /** How many days ahead a deadline counts as due soon. */
    static final int SOON_DAYS = 7;
    private static final int LIMIT = 2_000;

    private final Lifecycle lifecycle;
    private final ScopedDeadlinesPort deadlines;

    public ToDoService(Ports ports, ScopedDeadlinesPort deadlines) {
        this.lifecycle = new Lifecycle(ports);
        this.deadlines = deadlines;
    }

    @Override
    public List<ToDo> myDeadlines(Caller caller, int horizonDays) {
        if (horizonDays < 1 || horizonDays > 400) {
            throw new InvalidCommandException("days", "天数应为1至400");
        }
        Actor actor = caller.actor();
        Set<DeadlineKind> kinds;
        switch (actor.role()) {
            case UNIT_STAFF, UNIT_LEADER, BDB_OFFICER -> kinds = Set.of();
            case FINANCE -> kinds = Set.of(DeadlineKind.FINAL_ACCOUNTS);
            default -> {
                return List.of();
            }
        }
        LocalDate today = lifecycle.today();
        return deadlines.openDeadlines(scope(actor), kinds, today.plusDays(horizonDays), LIMIT).stream()
                .map(d -> toDo(d, today)).toList();
    }

    @Override
    public List<ToDo> overdue(Caller caller) {
        lifecycle.requireRole(caller, Action.VIEW_PROJECT);
        LocalDate today = lifecycle.today();
        return deadlines.openDeadlines(scope(caller.actor()), Set.of(), today.minusDays(1), 10_000).stream()
                .map(d -> toDo(d, today)).toList();
    }

    private static ProjectListScope scope(Actor actor) {
        return ProjectQueryService.scopeOf(actor);
    }

    private ToDo toDo(DueDeadline d, LocalDate today) {
        LocalDate due = d.deadline().due();
        ToDo.Urgency urgency = due.isBefore(today) ? ToDo.Urgency.OVERDUE
                : due.isEqual(today) ? ToDo.Urgency.DUE_TODAY
                : !due.isAfter(today.plusDays(SOON_DAYS)) ? ToDo.Urgency.DUE_SOON : ToDo.Urgency.LATER;
        // the project's own pack words the period: 5 working days where it says 5
        PolicyPack pack = lifecycle.ports().policies().policies().forProject(d.policyId(), today);
        return new ToDo(d, urgency, pack.articleZh(d.deadline().kind().provision()),
                d.deadline().kind().descriptionZh(pack), meetingAction(d.deadline().kind()));
    }

    /** The action in the system that meets a deadline of the kind. */
    static Action meetingAction(DeadlineKind kind) {
        return cn.egov.projects.application.view.MeetingActions.of(kind);
    }
}
