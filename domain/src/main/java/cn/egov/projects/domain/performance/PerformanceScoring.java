package cn.egov.projects.domain.performance;

import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.Attainment;
import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.GoalAssessment;
import cn.egov.projects.domain.project.GoalKind;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the Bureau's yearly performance evaluation (绩效考核, Art. 4) scores a project and a unit. The method, as
 * {@link #METHOD_ZH} tells staff:
 *
 * <ol>
 *   <li><b>A goal's achievement</b>: the acceptance experts' view of it when the project's latest acceptance passed
 *       and gave one (Art. 24), otherwise the unit's own report in its self-inspection (Art. 23). Met (达成) earns 100
 *       points, partly met (部分达成) 50, not met (未达成) 0.</li>
 *   <li><b>A project's score</b> (0–100): the goals' points weighted by kind — output indicators (产出指标) 50,
 *       benefit indicators (效益指标) 30, satisfaction indicators (满意度指标) 20, each kind's weight shared equally by
 *       its goals (a goal of no stated kind counts as output) — and divided by the weight of the kinds the project
 *       has, so that a project is not marked down for a kind it has no goal of. A terminated project (Art. 17) scores
 *       0. A project that has no goals, or whose goals' achievement is not yet reported, has no score.</li>
 *   <li><b>A unit's score</b>: 70 % the average score of its scored projects of the year, 30 % its deadline
 *       compliance — the share of the deadlines of those projects that fell due and were met on time (RULES.md §5,
 *       as the compliance figures count them) × 100. A unit with no scored project has no score.</li>
 *   <li>Scores are rounded half up to one decimal; the grade they suggest follows {@link Grade}'s bands
 *       (≥90 优, ≥80 良, ≥60 中, below 差). The Bureau records the final grade; the suggestion does not bind it.</li>
 * </ol>
 */
public final class PerformanceScoring {

    /** The weight of each kind of indicator in a project's score. */
    public static final Map<GoalKind, Integer> KIND_WEIGHTS = Map.of(GoalKind.OUTPUT, 50, GoalKind.BENEFIT, 30,
            GoalKind.SATISFACTION, 20);

    /** A unit's score: this share (percent) from its projects, the rest from its deadline compliance. */
    public static final int UNIT_PROJECT_SHARE = 70;

    /** The method in Chinese, as the evaluation pages and exports show it. */
    public static final String METHOD_ZH = "项目得分（0–100分）：每项绩效目标按达成情况计分——达成100分、部分达成50分、未达成0分；"
            + "项目验收通过且验收专家对该目标给出意见的，以专家意见为准，否则以实施单位自查报告为准。"
            + "产出指标、效益指标、满意度指标分别占50%、30%、20%，同类指标平分该类权重，项目没有的指标类别不计入（按其余类别折算）。"
            + "已终止的项目得0分；未设定绩效目标或尚未报告达成情况的项目不计分。"
            + "单位得分：本年度已计分项目的平均分占70%，期限合规率（已到期期限中按期完成的比例×100）占30%。"
            + "建议等级：90分及以上为优，80分至90分为良，60分至80分为中，60分以下为差；最终等级由市大数据管理局评定。";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PerformanceScoring() {
    }

    /** A project's score from its goals and their reported or assessed achievement. */
    public static ProjectScore score(Project.Snapshot project) {
        List<PerformanceGoal> goals = project.profile().performanceGoals();
        if (project.state() == ProjectState.TERMINATED) {
            return new ProjectScore(ProjectScore.Basis.TERMINATED, BigDecimal.ZERO.setScale(1), goals.size(), 0, 0,
                    goals.size());
        }
        if (goals.isEmpty()) {
            return new ProjectScore(ProjectScore.Basis.NO_GOALS, null, 0, 0, 0, 0);
        }
        List<GoalAchievement> reported = project.selfInspection() == null ? List.of()
                : project.selfInspection().goalAchievements();
        List<Acceptance> acceptances = project.acceptances();
        Acceptance last = acceptances.isEmpty() ? null : acceptances.get(acceptances.size() - 1);
        List<GoalAssessment> assessed = last != null && last.passed() ? last.goalAssessments() : List.of();

        Map<GoalKind, int[]> byKind = new EnumMap<>(GoalKind.class);
        int met = 0;
        int partly = 0;
        int not = 0;
        boolean byExperts = false;
        for (PerformanceGoal goal : goals) {
            Optional<Attainment> expert = assessed.stream().filter(a -> a.indicator().equals(goal.indicator()))
                    .map(GoalAssessment::attainment).findFirst();
            Optional<Attainment> attainment = expert.isPresent() ? expert : reported.stream()
                    .filter(a -> a.indicator().equals(goal.indicator())).map(GoalAchievement::attainment).findFirst();
            if (attainment.isEmpty()) {
                return new ProjectScore(ProjectScore.Basis.NOT_REPORTED, null, goals.size(), 0, 0, 0);
            }
            byExperts |= expert.isPresent();
            switch (attainment.get()) {
                case MET -> met++;
                case PARTLY_MET -> partly++;
                case NOT_MET -> not++;
                default -> throw new IllegalStateException(attainment.get().name());
            }
            int[] sums = byKind.computeIfAbsent(goal.kind() == null ? GoalKind.OUTPUT : goal.kind(), k -> new int[2]);
            sums[0] += attainment.get().points();
            sums[1]++;
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<GoalKind, int[]> kind : byKind.entrySet()) {
            BigDecimal weight = BigDecimal.valueOf(KIND_WEIGHTS.get(kind.getKey()));
            BigDecimal average = BigDecimal.valueOf(kind.getValue()[0])
                    .divide(BigDecimal.valueOf(kind.getValue()[1]), MathContext.DECIMAL64);
            weighted = weighted.add(weight.multiply(average));
            weights = weights.add(weight);
        }
        BigDecimal score = weighted.divide(weights, MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_UP);
        return new ProjectScore(byExperts ? ProjectScore.Basis.ACCEPTANCE : ProjectScore.Basis.SELF_INSPECTION, score,
                goals.size(), met, partly, not);
    }

    /** The average of scores, one decimal; empty when there are none. */
    public static Optional<BigDecimal> average(List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP));
    }

    /** A share (0..1) as a score out of 100, one decimal. */
    public static BigDecimal shareScore(double share) {
        return BigDecimal.valueOf(share).multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
    }

    /** A unit's score from its projects' average and its compliance score; empty without a project average. */
    public static Optional<BigDecimal> unitScore(Optional<BigDecimal> projectAverage, BigDecimal complianceScore) {
        return projectAverage.map(avg -> avg.multiply(BigDecimal.valueOf(UNIT_PROJECT_SHARE))
                .add(complianceScore.multiply(BigDecimal.valueOf(100 - UNIT_PROJECT_SHARE)))
                .divide(HUNDRED, 1, RoundingMode.HALF_UP));
    }
}
