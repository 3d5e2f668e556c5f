package cn.egov.projects.domain.deadline;

import cn.egov.projects.domain.rule.Provision;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the public deadline calculator computes: each deadline that runs a fixed period from an event, and
 * {@link #EARLIEST_ACCEPTANCE}, the first day acceptance may be held after the Art. 22 minimum trial run.
 */
public enum CalculationKind {
    IMPL_PLAN(DeadlineKind.IMPL_PLAN),
    CONTRACT_FILING(DeadlineKind.CONTRACT_FILING),
    PROGRESS_REPORT(DeadlineKind.PROGRESS_REPORT),
    SUBSTANTIVE_START(DeadlineKind.SUBSTANTIVE_START),
    ACCEPTANCE_LIMIT(DeadlineKind.ACCEPTANCE_LIMIT),
    ACCEPTANCE_REPORT(DeadlineKind.ACCEPTANCE_REPORT),
    FINAL_ACCOUNTS(DeadlineKind.FINAL_ACCOUNTS),
    EARLIEST_ACCEPTANCE(null);

    private final DeadlineKind deadline;

    CalculationKind(DeadlineKind deadline) {
        this.deadline = deadline;
    }

    /** The deadline this computes, empty for {@link #EARLIEST_ACCEPTANCE} (a minimum, not a deadline). */
    public Optional<DeadlineKind> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** The provision that sets what is computed: the deadline's, or the trial run's for the earliest acceptance. */
    public Provision provision() {
        return deadline == null ? Provision.TRIAL_RUN : deadline.provision();
    }

    /** Looks a kind up by its exact name; empty for anything else. */
    public static Optional<CalculationKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
