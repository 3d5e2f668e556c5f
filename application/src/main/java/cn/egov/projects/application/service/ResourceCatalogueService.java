package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RegisterResourceCommand;
import cn.egov.projects.application.port.in.RemoveResourceCommand;
import cn.egov.projects.application.port.in.ResourceCatalogueUseCase;
import cn.egov.projects.application.port.in.ReviseResourceCommand;
import cn.egov.projects.application.port.out.ResourceCataloguePort;
import cn.egov.projects.application.view.ResourceCatalogueView;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ResourceCatalogue;
import cn.egov.projects.domain.resource.ResourceDescription;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.rule.Outcome;

import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The resource catalogues of projects ({@link ResourceCatalogue}, Art. 6, 23). A change runs in one transaction: the
 * project is loaded and the person's access decided ({@link AccessPolicy}: a project outside their scope does not
 * exist for them, a role that may not keep catalogues is forbidden), the catalogue's version checked against the
 * one they saw, the domain decides under the project's policy pack, and only when it allows is the catalogue saved
 * with its audit record. A refusal leaves no trace.
 */
public final class ResourceCatalogueService implements ResourceCatalogueUseCase {

    private final Lifecycle lifecycle;
    private final ResourceCataloguePort catalogues;

    public ResourceCatalogueService(Ports ports, ResourceCataloguePort catalogues) {
        this.lifecycle = new Lifecycle(ports);
        this.catalogues = Objects.requireNonNull(catalogues, "catalogues");
    }

    @Override
    public ResourceCatalogueView catalogue(Caller caller, ProjectId id) {
        Project project = lifecycle.readFor(caller, id, "资源目录");
        return view(caller, project, catalogues.load(id));
    }

    @Override
    public ResourceCatalogueView register(Caller caller, RegisterResourceCommand command) {
        return change(caller, command.projectId(), command.expectedVersion(), (catalogue, context) -> {
            ResourceEntry entry = ResourceEntry.registered(UUID.randomUUID(), command.content(),
                    caller.actor().userId(), lifecycle.ports().clock().now());
            return new Change(catalogue.register(entry, context.project().state(), context.pack()),
                    "登记资源" + describe(command.content()));
        });
    }

    @Override
    public ResourceCatalogueView revise(Caller caller, ReviseResourceCommand command) {
        return change(caller, command.projectId(), command.expectedVersion(), (catalogue, context) -> {
            ResourceEntry before = existing(catalogue, command.resourceId());
            ResourceEntry after = before.revised(command.content(), caller.actor().userId(),
                    lifecycle.ports().clock().now());
            String renamed = before.name().equals(after.name()) ? "" : "（原名「" + before.name() + "」）";
            return new Change(catalogue.revise(after, context.project().state(), context.pack()),
                    "修改资源" + describe(command.content()) + renamed);
        });
    }

    @Override
    public ResourceCatalogueView remove(Caller caller, RemoveResourceCommand command) {
        return change(caller, command.projectId(), command.expectedVersion(), (catalogue, context) -> {
            ResourceEntry before = existing(catalogue, command.resourceId());
            return new Change(catalogue.remove(before.id(), context.project().state(), context.pack()),
                    "删除资源" + describe(before.content()));
        });
    }

    /** What a change needs besides the catalogue. */
    private record Context(Project project, PolicyPack pack) {
    }

    /** A domain decision on the catalogue, and the audit summary should it be allowed. */
    private record Change(Outcome outcome, String summary) {
    }

    private ResourceCatalogueView change(Caller caller, ProjectId id, Long expectedVersion,
                                         BiFunction<ResourceCatalogue, Context, Change> decide) {
        return lifecycle.ports().tx().inTransaction(() -> {
            Project project = lifecycle.loadFor(caller, id, Action.MANAGE_RESOURCE_CATALOGUE);
            ResourceCatalogue catalogue = catalogues.load(id);
            if (expectedVersion != null && expectedVersion != catalogue.version()) {
                throw new ConcurrentChangeException("the resource catalogue of project " + id + " is at version "
                        + catalogue.version() + ", the caller saw " + expectedVersion);
            }
            Change change = decide.apply(catalogue, new Context(project, pack(project)));
            if (change.outcome().isRefused()) {
                throw new RefusedException(change.outcome().refusals());
            }
            catalogues.save(catalogue);
            lifecycle.audit(caller, Action.MANAGE_RESOURCE_CATALOGUE, lifecycle.context(project.policyId()).pack(), project.id(), project.state(), project.state(),
                    change.summary());
            return view(caller, project, catalogue);
        });
    }

    private static ResourceEntry existing(ResourceCatalogue catalogue, UUID resourceId) {
        return catalogue.entry(resourceId).orElseThrow(() -> new NotFoundException("该资源不在本项目的资源目录中"));
    }

    private static String describe(ResourceDescription d) {
        return "「" + d.name() + "」（" + d.kind().zh() + "，" + d.sharing().zh() + "，" + d.openness().zh() + "）";
    }

    private PolicyPack pack(Project project) {
        return lifecycle.ports().policies().policies().forProject(project.policyId(), lifecycle.today());
    }

    private ResourceCatalogueView view(Caller caller, Project project, ResourceCatalogue catalogue) {
        boolean editable = ResourceCatalogue.isOpenIn(project.state())
                && new AccessPolicy(pack(project)).decide(caller.actor(), Action.MANAGE_RESOURCE_CATALOGUE, project)
                .isAllowed();
        return new ResourceCatalogueView(project.id(), catalogue.version(), editable, ResourceCatalogue.MAX_ENTRIES,
                catalogue.entries());
    }
}
