package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.rule.Violation;

import java.util.List;

/**
 * What a successful action left: the project's new state and version, and any flags of the measures that do not
 * refuse but must be seen (e.g. an acceptance recorded late, Art. 22).
 */
public record TransitionResult(ProjectId projectId, ProjectState state, long version, List<Violation> flags) {

    public TransitionResult {
        flags = List.copyOf(flags);
    }
}
