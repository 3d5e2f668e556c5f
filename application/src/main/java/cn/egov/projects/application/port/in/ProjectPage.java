package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Names;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.access.Action;

import java.util.List;

/**
 * Everything a project's page shows the person reading it: the project with its deadlines and flags, the actions
 * the person may take now (RULES.md §1, §3), the timeline of its life from the audit trail (who, when, which
 * article), and its documents; with the names of the people and units these mention.
 */
public record ProjectPage(ProjectDetails details, List<Action> actions, List<AuditEntry> timeline,
                          List<StoredDocument> documents, Names names) {

    public ProjectPage {
        actions = List.copyOf(actions);
        timeline = List.copyOf(timeline);
        documents = List.copyOf(documents);
        names = names == null ? Names.NONE : names;
    }
}
