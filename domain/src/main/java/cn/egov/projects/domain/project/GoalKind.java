package cn.egov.projects.domain.project;

/**
 * The three kinds of indicator of Chinese fiscal performance management (财政项目支出绩效目标): output (产出指标 — how
 * much, how good, how soon, at what cost), benefit (效益指标 — economic, social, lasting effect) and satisfaction
 * (满意度指标 — of the people served).
 */
public enum GoalKind {
    OUTPUT("产出指标"),
    BENEFIT("效益指标"),
    SATISFACTION("满意度指标");

    private final String zh;

    GoalKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
