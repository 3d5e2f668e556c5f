package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.GoalAchievement;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/**
 * The self-inspection report before acceptance (Art. 23), with the achievement of each performance goal
 * ({@code goalAchievements}, at most one per indicator) and an overall account of them ({@code performanceGoals}).
 */
public record FileSelfInspectionCommand(ProjectId projectId, Long expectedVersion, String contentCompletion,
                                        String resourceCatalogue, String performanceGoals,
                                        List<GoalAchievement> goalAchievements) implements ProjectCommand {

    public FileSelfInspectionCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        contentCompletion = Check.optionalText(contentCompletion, "contentCompletion", "实施内容完成情况", 20000);
        resourceCatalogue = Check.optionalText(resourceCatalogue, "resourceCatalogue", "资源目录整理情况", 20000);
        performanceGoals = Check.optionalText(performanceGoals, "performanceGoals", "绩效目标达成情况", 20000);
        goalAchievements = Check.achievements(goalAchievements);
    }

    /** A report of a project without declared goals: the overall account only. */
    public FileSelfInspectionCommand(ProjectId projectId, Long expectedVersion, String contentCompletion,
                                     String resourceCatalogue, String performanceGoals) {
        this(projectId, expectedVersion, contentCompletion, resourceCatalogue, performanceGoals, List.of());
    }
}
