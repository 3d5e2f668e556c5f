package cn.egov.projects.application.error;

import cn.egov.projects.domain.rule.Violation;

/** The person may see the object but the action is not theirs to take (RULES.md §1). */
public final class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    public ForbiddenException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
