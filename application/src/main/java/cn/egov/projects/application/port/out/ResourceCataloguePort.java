package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceCatalogue;

/**
 * The resource catalogues of projects (资源目录, Art. 23), each stored as a whole beside its project. {@link #save} is
 * optimistic: it succeeds only when the stored version is still the one the catalogue was loaded with (none stored
 * for version 0), and otherwise throws {@link cn.egov.projects.application.error.ConcurrentChangeException} and
 * changes nothing; it sets the new version on the catalogue ({@link ResourceCatalogue#markSaved}).
 */
public interface ResourceCataloguePort {

    /** The project's catalogue; an empty one at version 0 when nothing was ever registered. */
    ResourceCatalogue load(ProjectId project);

    void save(ResourceCatalogue catalogue);
}
