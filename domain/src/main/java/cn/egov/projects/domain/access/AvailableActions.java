package cn.egov.projects.domain.access;

import cn.egov.projects.domain.catalog.FundingSource;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;

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

    /** The actions the project's state opens, whoever asks. */
    public static Set<Action> openedByState(Project project) {
        Project.Snapshot s = project.snapshot();
        Set<Action> open = EnumSet.noneOf(Action.class);
        boolean supplementary = s.supplementary() != null;
        boolean started = s.substantiveStartOn() != null;
        switch (s.state()) {
            case DRAFT -> open.addAll(Set.of(Action.EDIT_DRAFT, Action.DECLARE, Action.DECLARE_SUPPLEMENTARY));
            case DECLARED -> open.add(Action.START_REVIEW);
            case UNDER_REVIEW -> open.add(Action.RECORD_REVIEW);
            case REVIEWED -> open.add(supplementary ? Action.RECORD_APPROVAL : Action.PROPOSE_FUNDING);
            case FUNDING_PROPOSED -> open.add(Action.RECORD_APPROVAL);
            case APPROVED -> open.add(supplementary ? Action.ADD_TO_PLAN : Action.ISSUE_PLAN);
            case PLANNED -> {
                open.add(Action.SUBMIT_IMPLEMENTATION_PLAN);
                if (s.profile().funding() == FundingSource.HIGHER_LEVEL && s.higherLevelReportedOn() == null) {
                    open.add(Action.REPORT_HIGHER_LEVEL_FUNDING);
                }
                open.addAll(implementing());
            }
            case IMPLEMENTING -> {
                if (s.noProcurementReason() == null) {
                    open.addAll(Set.of(Action.PRE_PROCUREMENT_REVIEW, Action.RECORD_START_WITHOUT_PROCUREMENT));
                } else {
                    open.add(Action.START_TRIAL_RUN);
                }
                open.addAll(implementing());
            }
            case PROCUREMENT -> {
                open.add(Action.SIGN_CONTRACT);
                open.addAll(implementing());
            }
            case CONTRACTED -> {
                open.addAll(Set.of(Action.SIGN_CONTRACT, Action.START_TRIAL_RUN));
                open.addAll(implementing());
            }
            case TRIAL_RUN -> {
                open.add(Action.FILE_SELF_INSPECTION);
                open.addAll(Set.of(Action.REPORT_SITUATION, Action.TERMINATE));
            }
            case ACCEPTANCE_PENDING -> {
                open.add(Action.RECORD_ACCEPTANCE);
                open.addAll(Set.of(Action.REPORT_SITUATION, Action.TERMINATE));
            }
            case ACCEPTED -> open.add(Action.PUT_INTO_OPERATION);
            case SUSPENDED -> open.addAll(Set.of(Action.RESUME, Action.REPORT_SITUATION, Action.TERMINATE));
            case TERMINATED -> {
                if (s.termination() != null && s.termination().fundsRecoveredOn() == null) {
                    open.add(Action.RECORD_FUND_RECOVERY);
                }
            }
            case OPERATING, CLOSED, REJECTED -> { }
            default -> throw new IllegalStateException(s.state().name());
        }
        if (s.state() == ProjectState.ACCEPTED || s.state() == ProjectState.OPERATING) {
            if (s.acceptanceReportOn() == null) {
                open.add(Action.FILE_ACCEPTANCE_REPORT);
            }
            if (s.finalAccountsOn() == null) {
                open.add(Action.FILE_FINAL_ACCOUNTS);
            }
        }
        if (started && Set.of(ProjectState.IMPLEMENTING, ProjectState.PROCUREMENT, ProjectState.CONTRACTED,
                ProjectState.TRIAL_RUN, ProjectState.ACCEPTANCE_PENDING, ProjectState.SUSPENDED).contains(s.state())) {
            open.add(Action.REPORT_PROGRESS);
        }
        if (!s.state().isFinal() && s.contracts().stream().anyMatch(c -> c.filedOn() == null)) {
            open.add(Action.FILE_CONTRACT);
        }
        if (s.changes().stream().anyMatch(c -> c.status() == ChangeRequest.Status.PENDING)) {
            open.add(Action.DECIDE_CHANGE);
        }
        List<Deadline> openDeadlines = s.deadlines().stream().filter(Deadline::isOpen).toList();
        if (!openDeadlines.isEmpty()) {
            open.add(Action.WAIVE_DEADLINE);
        }
        if (openDeadlines.stream().anyMatch(d -> d.kind() == DeadlineKind.SUBSTANTIVE_START)) {
            open.add(Action.RECORD_START_EXCEPTION);
        }
        if (openDeadlines.stream().anyMatch(d -> d.kind() == DeadlineKind.WARRANTY_END)
                && Set.of(ProjectState.ACCEPTED, ProjectState.OPERATING, ProjectState.CLOSED).contains(s.state())) {
            open.add(Action.RECORD_MAINTENANCE);
        }
        if (s.state() != ProjectState.DRAFT && !s.state().isFinal()) {
            open.add(Action.RECORD_CYBERSEC_REVIEW);
            if (s.profile().usesCryptography()) {
                open.add(Action.RECORD_CRYPTO_REVIEW);
            }
        }
        if (s.state() != ProjectState.REJECTED) {
            open.add(Action.ATTACH_DOCUMENT);
        }
        return open;
    }

    private static Set<Action> implementing() {
        return Set.of(Action.REQUEST_CHANGE, Action.REPORT_SITUATION, Action.TERMINATE);
    }
}
