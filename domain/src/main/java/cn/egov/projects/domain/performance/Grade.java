package cn.egov.projects.domain.performance;

import java.math.BigDecimal;

/**
 * The grades of a performance evaluation, with the score bands of the fiscal practice (财政部《项目支出绩效评价管理办法》
 * 财预〔2020〕10号): 90 and above 优, 80 to 90 良, 60 to 80 中, below 60 差.
 */
public enum Grade {
    EXCELLENT("优", 90),
    GOOD("良", 80),
    FAIR("中", 60),
    POOR("差", 0);

    private final String zh;
    private final int from;

    Grade(String zh, int from) {
        this.zh = zh;
        this.from = from;
    }

    public String zh() {
        return zh;
    }

    /** The lowest score of the band (inclusive). */
    public int from() {
        return from;
    }

    /** The grade of the band a score falls in. */
    public static Grade forScore(BigDecimal score) {
        for (Grade g : values()) {
            if (score.compareTo(BigDecimal.valueOf(g.from)) >= 0) {
                return g;
            }
        }
        return POOR;
    }
}
