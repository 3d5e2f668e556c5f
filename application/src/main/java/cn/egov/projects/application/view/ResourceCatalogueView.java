package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceEntry;

import java.util.List;

/**
 * A project's resource catalogue as the person reading it sees it.
 *
 * @param version  the catalogue's version (0: nothing registered yet), to send back with a change
 * @param editable whether the person may change it now: the project's unit, while the project has not ended
 */
public record ResourceCatalogueView(ProjectId project, long version, boolean editable, int maxEntries,
                                    List<ResourceEntry> entries) {

    public ResourceCatalogueView {
        entries = List.copyOf(entries);
    }
}
