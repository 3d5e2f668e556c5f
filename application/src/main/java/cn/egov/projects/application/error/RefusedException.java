package cn.egov.projects.application.error;

import cn.egov.projects.domain.rule.Violation;

import java.util.List;

/** The measures refuse the action; each violation cites its article. Nothing was changed. */
public final class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public RefusedException(List<Violation> violations) {
        super(violations.toString());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
