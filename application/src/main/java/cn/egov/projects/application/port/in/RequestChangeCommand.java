package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;

/** A change of goals or content (Art. 18). */
public record RequestChangeCommand(ProjectId projectId, Long expectedVersion, String description, List<String> newScopeItems, Money newBudget) implements ProjectCommand {

    public RequestChangeCommand {
        projectId = Check.project(projectId);
        expectedVersion = Check.version(expectedVersion);
        description = Check.text(description, "description", "变更内容和理由", 5000);
        newScopeItems = Check.items(newScopeItems, "newScopeItems", "变更后建设内容", 200);
    }
}
