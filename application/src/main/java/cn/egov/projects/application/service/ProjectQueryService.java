package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.GetProjectUseCase;
import cn.egov.projects.application.port.in.ListProjectsQuery;
import cn.egov.projects.application.port.in.ListProjectsUseCase;
import cn.egov.projects.application.port.in.ProjectDetails;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** What staff read: project lists within their scope, and one project with its deadlines and flags. */
public final class ProjectQueryService implements ListProjectsUseCase, GetProjectUseCase {

    private final Lifecycle lifecycle;
    private final Ports ports;

    public ProjectQueryService(Ports ports) {
        this.lifecycle = new Lifecycle(ports);
        this.ports = ports;
    }

    @Override
    public Page<ProjectSummary> list(Caller caller, ListProjectsQuery query) {
        lifecycle.requireRole(caller, Action.VIEW_PROJECT);
        return ports.list().list(scopeOf(caller.actor()), query.filter(), query.page(), query.size());
    }

    /** The list scope of RULES.md §1, the same rules {@link AccessPolicy} applies to one project. */
    static ProjectListScope scopeOf(Actor actor) {
        return switch (actor.role()) {
            case UNIT_STAFF, UNIT_LEADER -> new ProjectListScope(Optional.of(actor.unit()), true, Set.of(),
                    Optional.empty());
            // every project that is not classified, and the classified ones the secrecy office named them into
            case BDB_OFFICER, FINANCE, AUDIT, CYBERSEC -> new ProjectListScope(Optional.empty(), false,
                    actor.assigned(), Optional.empty());
            case SECRECY -> new ProjectListScope(Optional.empty(), true, Set.of(), Optional.empty());
            // only the projects named to them, classified ones included
            case EXPERT -> new ProjectListScope(Optional.empty(), false, actor.assigned(),
                    Optional.of(actor.assigned()));
            case ADMIN, SECURITY_ADMIN, AUDIT_ADMIN ->
                    throw new IllegalStateException("the administrators see no project");
        };
    }

    @Override
    public ProjectDetails get(Caller caller, ProjectId id) {
        Project project = lifecycle.loadFor(caller, id, Action.VIEW_PROJECT);
        LocalDate today = lifecycle.today();
        var pack = ports.policies().policies().forProject(project.policyId(), today);
        return new ProjectDetails(project.snapshot(), today,
                project.deadlines().stream()
                        .map(d -> new ProjectDetails.DeadlineView(d, d.statusOn(today)))
                        .toList(),
                project.flagsOn(today, pack).flags(), pack);
    }
}
