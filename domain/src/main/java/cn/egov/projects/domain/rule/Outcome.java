package cn.egov.projects.domain.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * What the measures say of an action: refused with the violations, or allowed, possibly with flags
 * (rules that do not refuse but must stay visible to the Bureau, such as a late acceptance).
 */
public record Outcome(List<Violation> violations) {

    private static final Outcome ALLOWED = new Outcome(List.of());

    public Outcome {
        violations = List.copyOf(violations);
    }

    public static Outcome allowed() {
        return ALLOWED;
    }

    public static Outcome of(List<Violation> violations) {
        return violations.isEmpty() ? ALLOWED : new Outcome(violations);
    }

    public static Outcome refused(Violation violation) {
        return new Outcome(List.of(violation));
    }

    public boolean isRefused() {
        return violations.stream().anyMatch(Violation::refuses);
    }

    public List<Violation> refusals() {
        return violations.stream().filter(Violation::refuses).toList();
    }

    public List<Violation> flags() {
        return violations.stream().filter(v -> !v.refuses()).toList();
    }

    public Outcome and(Outcome other) {
        if (other.violations.isEmpty()) {
            return this;
        }
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new Outcome(all);
    }

    public boolean has(RuleCode code) {
        return violations.stream().anyMatch(v -> v.code() == code);
    }
}
