package cn.egov.projects.domain.access;

import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.StateTable;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The actions a person may take on a project now: those the project's state opens (RULES.md §3) and the person's
 * role and scope allow (RULES.md §1). What the measures may still refuse on the facts entered (a trial run one day
 * short, say) is decided when the action is taken, and explained then.
 */
public final class AvailableActions {

    private final AccessPolicy access;

    public AvailableActions(AccessPolicy access) {
        this.access = access;
    }

    public List<Action> of(Project project, Actor actor) {
        if (!access.canSee(actor, project)) {
            return List.of();
        }
        boolean draft = project.state() == ProjectState.DRAFT;
        return openedByState(project).stream()
                // a draft is its unit's own work until declared: nobody else adds to it
                .filter(a -> !draft || actor.role().isUnitRole())
                .filter(a -> access.decide(actor, a, project).isAllowed())
                .toList();
    }

    /** The actions the project's state and records open, whoever asks: the steps {@link StateTable} opens. */
    public static Set<Action> openedByState(Project project) {
        Set<Action> open = EnumSet.noneOf(Action.class);
        for (StateTable.Step step : StateTable.openSteps(project)) {
            open.add(actionOf(step));
        }
        return open;
    }

    /** The action by which a person takes a step of the project's life: the one of the same name. */
    public static Action actionOf(StateTable.Step step) {
        return Action.valueOf(step.name());
    }
}
