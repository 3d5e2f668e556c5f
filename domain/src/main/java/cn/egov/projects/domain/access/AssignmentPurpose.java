package cn.egov.projects.domain.access;

import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Violation;

/**
 * What a person is named to a project for (RULES.md §1), each with the action that names them and the stages of the
 * project in which they may be named:
 * <ul>
 *     <li>{@link #REVIEW}: an expert the Bureau draws to review the project (Art. 8, and the review before
 *     procurement of Art. 13) — from its declaration until its life ends;</li>
 *     <li>{@link #ACCEPTANCE}: an expert the implementing unit names to accept its project (Art. 24) — while it runs
 *     on trial or awaits acceptance;</li>
 *     <li>{@link #SCOPE}: a person the secrecy office names into a classified project's 知悉范围 (Art. 27) — at any
 *     time.</li>
 * </ul>
 * Removing a person is open at any stage to whoever may name people for that purpose.
 */
public enum AssignmentPurpose {
    REVIEW(Action.ASSIGN_REVIEW_EXPERT, "评审专家"),
    ACCEPTANCE(Action.ASSIGN_ACCEPTANCE_EXPERT, "验收专家"),
    SCOPE(Action.ASSIGN_TO_SCOPE, "涉密项目知悉范围人员");

    private final Action action;
    private final String zh;

    AssignmentPurpose(Action action, String zh) {
        this.action = action;
        this.zh = zh;
    }

    /** The action that names (and removes) people for this purpose. */
    public Action action() {
        return action;
    }

    /** What the named person is, e.g. "评审专家". */
    public String zh() {
        return zh;
    }

    /** Whether people may be named for this purpose while the project is in the state. */
    public boolean isOpenIn(ProjectState state) {
        return switch (this) {
            case REVIEW -> state != ProjectState.DRAFT && !state.isFinal();
            case ACCEPTANCE -> state == ProjectState.TRIAL_RUN || state == ProjectState.ACCEPTANCE_PENDING;
            case SCOPE -> true;
        };
    }

    /** The refusal of naming someone for this purpose in a state it is not open in; cites the action's article. */
    public Violation notOpenIn(ProjectState state, PolicyPack pack) {
        String detail = switch (this) {
            case REVIEW -> state == ProjectState.DRAFT ? "项目申报后方可指定评审专家"
                    : "项目已" + state.zh() + "，不再指定评审专家";
            case ACCEPTANCE -> "项目上线试运行后、竣工验收前方可指定验收专家（项目当前状态：" + state.zh() + "）";
            case SCOPE -> throw new IllegalStateException("people are named into a classified project's scope at any time");
        };
        return pack.orderViolation(action.provision(), detail);
    }
}
