package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The self-inspection report before acceptance (Art. 23). */
public record FileSelfInspectionCommand(ProjectId projectId, Long expectedVersion, String contentCompletion, String resourceCatalogue, String performanceGoals) implements ProjectCommand {

    public FileSelfInspectionCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        contentCompletion = Check.optionalText(contentCompletion, "contentCompletion", "实施内容完成情况", 20000);
        resourceCatalogue = Check.optionalText(resourceCatalogue, "resourceCatalogue", "资源目录整理情况", 20000);
        performanceGoals = Check.optionalText(performanceGoals, "performanceGoals", "绩效目标达成情况", 20000);
    }
}
