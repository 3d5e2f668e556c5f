package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** Declares an off-window project that must be carried out this year (Art. 10). */
public record DeclareSupplementaryCommand(ProjectId projectId, Long expectedVersion, String requirement, String feasibilityStudy) implements ProjectCommand {

    public DeclareSupplementaryCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        requirement = Check.optionalText(requirement, "requirement", "建设要求", 2000);
        feasibilityStudy = Check.optionalText(feasibilityStudy, "feasibilityStudy", "可行性研究方案", 20000);
    }
}
