package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.SimilarProjectsQuery;
import cn.egov.projects.application.port.in.SimilarProjectsUseCase;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.port.out.ResourceCataloguePort;
import cn.egov.projects.application.port.out.SimilarityCorpusPort;
import cn.egov.projects.application.view.SimilarityReport;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.resource.DuplicateCheck;

import java.util.Objects;

/**
 * The projects and catalogued resources like a project ({@link DuplicateCheck}, Art. 1, 6). The project is loaded
 * and the person's access decided ({@link AccessPolicy}); the projects of the person's list scope (the scope their
 * project list has) are read newest first, at most {@value #MAX_PROJECTS}, and each is decided again by
 * {@link AccessPolicy} in the check, so that nothing the person may not see — a classified project outside its
 * 知悉范围 above all — is compared or shown; then the resources of those projects' catalogues, at most
 * {@value #MAX_RESOURCES}.
 *
 * <p>Cost: one streamed read of the scope's project documents and catalogue rows, and a computation linear in their
 * text, in memory for one request and nothing kept after it. Measured on two cores, warm: about 0.5 to 0.8 s for
 * 3,000 projects (five items of construction content each) and 3,000 resources, on H2 and on PostgreSQL alike,
 * most of it reading the project documents; a few hundred projects take tens of milliseconds. Beyond
 * {@value #MAX_PROJECTS} projects or {@value #MAX_RESOURCES} resources only the newest are compared and the report
 * says so.
 */
public final class SimilarProjectsService implements SimilarProjectsUseCase {

    /** The most projects one check compares with. */
    public static final int MAX_PROJECTS = 5_000;

    /** The most catalogued resources one check compares with. */
    public static final int MAX_RESOURCES = 20_000;

    private final Lifecycle lifecycle;
    private final ResourceCataloguePort catalogues;
    private final SimilarityCorpusPort corpus;

    public SimilarProjectsService(Ports ports, ResourceCataloguePort catalogues, SimilarityCorpusPort corpus) {
        this.lifecycle = new Lifecycle(ports);
        this.catalogues = Objects.requireNonNull(catalogues, "catalogues");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    @Override
    public SimilarityReport similar(Caller caller, SimilarProjectsQuery query) {
        Project subject = lifecycle.loadFor(caller, query.projectId(), Action.VIEW_SIMILAR_PROJECTS);
        DuplicateCheck check = new DuplicateCheck(new AccessPolicy(lifecycle.packInForce()), caller.actor(), subject,
                catalogues.load(subject.id()).entries());
        ProjectListScope scope = ProjectQueryService.scopeOf(caller.actor());
        int projects = corpus.projects(scope, MAX_PROJECTS, check::offer);
        int resources = corpus.resources(scope, MAX_RESOURCES, check::offer);
        DuplicateCheck.Result result = check.rank(query.minScore(), query.limit());
        return new SimilarityReport(subject.id(), query.minScore(), query.limit(), result.projectsCompared(),
                result.resourcesCompared(), projects >= MAX_PROJECTS || resources >= MAX_RESOURCES, result.items());
    }
}
