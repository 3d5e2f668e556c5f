package cn.egov.projects.benchmarks;

import java.time.LocalDate;

/**
 * The days of one project's life, plan year 2025, as {@code ProjectLifeScenarioTest} lives them under Taicang's
 * measures and the official calendar: every step is on time, the trial lasts the two months a software project
 * needs. Shared by the domain benchmark, the application driver and the Flowable peer.
 */
final class Days {

    static final int PLAN_YEAR = 2025;
    static final LocalDate WINDOW_OPENS = LocalDate.of(2024, 8, 1);
    static final LocalDate WINDOW_CLOSES = LocalDate.of(2024, 9, 30);
    static final LocalDate DRAFT = LocalDate.of(2024, 8, 20);
    static final LocalDate REVIEW = LocalDate.of(2024, 10, 10);
    static final LocalDate FUNDING = LocalDate.of(2024, 11, 15);
    static final LocalDate APPROVAL = LocalDate.of(2024, 12, 20);
    static final LocalDate PLAN = LocalDate.of(2025, 1, 24);
    static final LocalDate IMPLEMENTATION_PLAN = LocalDate.of(2025, 2, 20);
    static final LocalDate PRE_PROCUREMENT = LocalDate.of(2025, 3, 3);
    static final LocalDate CONTRACT_SIGNED = LocalDate.of(2025, 4, 25);
    static final LocalDate CONTRACT_ENTERED = LocalDate.of(2025, 4, 28);
    static final LocalDate WARRANTY_END = LocalDate.of(2028, 6, 30);
    static final LocalDate CONTRACT_FILED = LocalDate.of(2025, 5, 6);
    static final LocalDate PROGRESS = LocalDate.of(2025, 7, 20);
    static final LocalDate TRIAL = LocalDate.of(2025, 9, 1);
    static final LocalDate SECURITY_REVIEW = LocalDate.of(2025, 10, 20);
    static final LocalDate SELF_INSPECTION = LocalDate.of(2025, 10, 28);
    static final LocalDate ACCEPTANCE = LocalDate.of(2025, 11, 3);
    static final LocalDate OPERATION = LocalDate.of(2025, 11, 4);
    static final LocalDate ACCEPTANCE_REPORT = LocalDate.of(2025, 11, 10);
    static final LocalDate FINAL_ACCOUNTS = LocalDate.of(2026, 1, 20);

    /** Use-case calls in one lifecycle, from the draft to the final accounts. */
    static final int STEPS = 18;

    private Days() {
    }
}
