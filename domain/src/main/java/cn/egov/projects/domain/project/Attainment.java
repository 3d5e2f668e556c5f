package cn.egov.projects.domain.project;

/**
 * How far a performance goal was achieved (绩效目标达成情况, Art. 23), with the points it earns in the yearly
 * performance evaluation (Art. 4): met 100, partly met 50, not met 0.
 */
public enum Attainment {
    MET("达成", 100),
    PARTLY_MET("部分达成", 50),
    NOT_MET("未达成", 0);

    private final String zh;
    private final int points;

    Attainment(String zh, int points) {
        this.zh = zh;
        this.points = points;
    }

    public String zh() {
        return zh;
    }

    /** The points of a goal so achieved, out of 100. */
    public int points() {
        return points;
    }
}
