package cn.egov.projects.application.fake;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.port.out.ResourceCataloguePort;
import cn.egov.projects.application.port.out.ReuseOpinionPort;
import cn.egov.projects.application.port.out.SimilarityCorpusPort;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceCatalogue;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.ReuseOpinion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Resource catalogues and reuse opinions kept in memory, with the optimistic version check of the real adapter, and
 * the similarity corpus read from the in-memory projects within a list scope, as the real adapter reads it.
 */
public final class InMemoryResources implements ResourceCataloguePort, SimilarityCorpusPort, ReuseOpinionPort,
        Rollback {

    private record Stored(long version, List<ResourceEntry> entries) {
    }

    private final InMemoryProjects projects;
    private final Map<ProjectId, Stored> catalogues = new LinkedHashMap<>();
    private final List<ReuseOpinion> opinions = new ArrayList<>();
    /** How many projects and resources the corpus handed over, in all. */
    public int projectsRead;
    public int resourcesRead;

    public InMemoryResources(InMemoryProjects projects) {
        this.projects = projects;
    }

    @Override
    public synchronized ResourceCatalogue load(ProjectId project) {
        Stored s = catalogues.get(project);
        return s == null ? ResourceCatalogue.empty(project) : ResourceCatalogue.restore(project, s.version(), s.entries());
    }

    @Override
    public synchronized void save(ResourceCatalogue catalogue) {
        Stored current = catalogues.get(catalogue.project());
        long stored = current == null ? 0 : current.version();
        if (stored != catalogue.version()) {
            throw new ConcurrentChangeException("catalogue of " + catalogue.project() + " changed");
        }
        catalogues.put(catalogue.project(), new Stored(stored + 1, catalogue.entries()));
        catalogue.markSaved(stored + 1);
    }

    @Override
    public int projects(ProjectListScope scope, int limit, Consumer<Project> each) {
        List<Project> found = new ArrayList<>();
        for (ProjectSummary s : inScope(scope)) {
            if (found.size() == limit) {
                break;
            }
            projects.load(s.id()).ifPresent(found::add);
        }
        found.forEach(each);
        synchronized (this) {
            projectsRead += found.size();
        }
        return found.size();
    }

    @Override
    public int resources(ProjectListScope scope, int limit, BiConsumer<ProjectId, ResourceEntry> each) {
        Set<ProjectId> ids = inScope(scope).stream().map(ProjectSummary::id).collect(Collectors.toSet());
        record Found(ProjectId project, ResourceEntry entry) {
        }
        List<Found> found;
        synchronized (this) {
            found = catalogues.entrySet().stream().filter(e -> ids.contains(e.getKey()))
                    .flatMap(e -> e.getValue().entries().stream().map(r -> new Found(e.getKey(), r)))
                    .sorted(Comparator.comparing((Found f) -> f.entry().registeredAt()).reversed())
                    .limit(limit).toList();
            resourcesRead += found.size();
        }
        found.forEach(f -> each.accept(f.project(), f.entry()));
        return found.size();
    }

    private List<ProjectSummary> inScope(ProjectListScope scope) {
        return projects.list(scope, ProjectListFilter.none(), 1, Integer.MAX_VALUE).items();
    }

    @Override
    public synchronized void append(ReuseOpinion opinion) {
        opinions.add(opinion);
    }

    @Override
    public synchronized List<ReuseOpinion> forProject(ProjectId project) {
        List<ReuseOpinion> mine = new ArrayList<>(opinions.stream().filter(o -> o.project().equals(project)).toList());
        java.util.Collections.reverse(mine);
        return mine;
    }

    @Override
    public synchronized Runnable checkpoint() {
        var savedCatalogues = new LinkedHashMap<>(catalogues);
        var savedOpinions = new ArrayList<>(opinions);
        return () -> {
            synchronized (this) {
                catalogues.clear();
                catalogues.putAll(savedCatalogues);
                opinions.clear();
                opinions.addAll(savedOpinions);
            }
        };
    }
}
