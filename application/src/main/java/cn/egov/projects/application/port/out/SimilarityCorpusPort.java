package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceEntry;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a project is compared with when looking for duplicate construction (Art. 1, 6): the projects of a list scope
 * (the scope the person's project list has, {@link ProjectListScope}) and the resources of their catalogues, handed
 * over one by one so that they need not all be held at once, newest first and at most as many as asked.
 */
public interface SimilarityCorpusPort {

    /**
     * Hands over the projects of the scope, the most recently created first, at most {@code limit}.
     *
     * @return how many were handed over
     */
    int projects(ProjectListScope scope, int limit, Consumer<Project> each);

    /**
     * Hands over the resources of the catalogues of the scope's projects, each with its project, the most recently
     * registered first, at most {@code limit}.
     *
     * @return how many were handed over
     */
    int resources(ProjectListScope scope, int limit, BiConsumer<ProjectId, ResourceEntry> each);
}
