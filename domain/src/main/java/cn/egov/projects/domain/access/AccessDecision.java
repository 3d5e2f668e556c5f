package cn.egov.projects.domain.access;

import cn.egov.projects.domain.rule.Violation;

/**
 * The answer of {@link AccessPolicy}: allowed; hidden (the project is outside the person's scope, and its very
 * existence must not show); or forbidden (visible, but the action is not the person's to take).
 */
public record AccessDecision(Kind kind, Violation violation) {

    /** The three answers. */
    public enum Kind { ALLOWED, HIDDEN, FORBIDDEN }

    private static final AccessDecision ALLOWED = new AccessDecision(Kind.ALLOWED, null);

    public static AccessDecision allowed() {
        return ALLOWED;
    }

    public boolean isAllowed() {
        return kind == Kind.ALLOWED;
    }
}
