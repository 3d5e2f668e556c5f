package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.SimilarItem;

import java.util.List;

/**
 * The projects and catalogued resources that look like a project, among those the person may see.
 *
 * @param projectsCompared  how many projects it was compared with
 * @param resourcesCompared how many catalogued resources
 * @param truncated         whether only the newest were compared (more exist than one check reads)
 */
public record SimilarityReport(ProjectId project, double minScore, int limit, int projectsCompared,
                               int resourcesCompared, boolean truncated, List<SimilarItem> items) {

    public SimilarityReport {
        items = List.copyOf(items);
    }
}
