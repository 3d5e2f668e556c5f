package cn.egov.projects.domain.project;

import java.time.LocalDate;
import java.util.List;

/**
 * The unit's self-inspection report before acceptance (Art. 23): content completion, the resource catalogue, and the
 * achievement of the performance goals — goal by goal ({@code goalAchievements}), with {@code performanceGoals} an
 * overall account of them (required only of a project that declared no goals, as projects of older releases may).
 */
public record SelfInspection(LocalDate on, String contentCompletion, String resourceCatalogue,
                             String performanceGoals, List<GoalAchievement> goalAchievements) {

    public SelfInspection {
        goalAchievements = goalAchievements == null ? List.of() : List.copyOf(goalAchievements);
    }

    /** A report without goal-by-goal achievements (as older releases stored them). */
    public SelfInspection(LocalDate on, String contentCompletion, String resourceCatalogue, String performanceGoals) {
        this(on, contentCompletion, resourceCatalogue, performanceGoals, List.of());
    }
}
