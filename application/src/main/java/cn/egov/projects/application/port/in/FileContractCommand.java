package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;

/** The unit files a signed contract with the Bureau (Art. 14). */
public record FileContractCommand(ProjectId projectId, Long expectedVersion, String number) implements ProjectCommand {

    public FileContractCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        number = Check.text(number, "number", "合同编号", 100);
    }
}
