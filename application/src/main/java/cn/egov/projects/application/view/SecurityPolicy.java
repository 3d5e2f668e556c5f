package cn.egov.projects.application.view;

/**
 * The security settings the security administrator keeps (安全管理): whether the Bureau's and Finance's approving
 * actions need a one-time code passed shortly before (step-up), and how shortly.
 *
 * @param stepUpBdbApprovals     the Bureau's approving actions need a recent one-time code
 * @param stepUpFinanceApprovals Finance's approving actions need a recent one-time code
 * @param stepUpMinutes          how long a passed code counts as recent (1–60)
 */
public record SecurityPolicy(boolean stepUpBdbApprovals, boolean stepUpFinanceApprovals, int stepUpMinutes) {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 60;

    public SecurityPolicy {
        if (stepUpMinutes < MIN_MINUTES || stepUpMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("stepUpMinutes out of range: " + stepUpMinutes);
        }
    }

    /** Until the security administrator sets otherwise: no step-up, 5 minutes when turned on. */
    public static SecurityPolicy defaults() {
        return new SecurityPolicy(false, false, 5);
    }
}
