package cn.egov.projects.application.service;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.RefusedException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.RecordReuseOpinionCommand;
import cn.egov.projects.application.port.in.ReuseOpinionUseCase;
import cn.egov.projects.application.port.out.ResourceCataloguePort;
import cn.egov.projects.application.port.out.ReuseOpinionPort;
import cn.egov.projects.application.view.ReuseOpinionView;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.DuplicateCheck;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.domain.resource.ResourceFieldException;
import cn.egov.projects.domain.resource.ReuseOpinion;
import cn.egov.projects.domain.resource.SimilarReference;
import cn.egov.projects.domain.rule.Outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Bureau's reuse and duplicate-construction opinion ({@link ReuseOpinion}, Art. 1, 6). Giving one runs in one
 * transaction: the project is loaded and the officer's access decided, the state checked (申报后、评审意见形成前,
 * {@code ART6_REUSE_REVIEW_CLOSED}), each similar project or resource named looked up among what the officer may see
 * (otherwise a bad field, nothing stored), and the opinion stored with its audit record. The audit summary says the
 * finding and how many were named, never their names: a classified project named must not reach the trail of
 * another. Reading shows the latest opinion with only the similar projects and resources the reader may see.
 */
public final class ReuseOpinionService implements ReuseOpinionUseCase {

    private final Lifecycle lifecycle;
    private final ResourceCataloguePort catalogues;
    private final ReuseOpinionPort opinions;

    public ReuseOpinionService(Ports ports, ResourceCataloguePort catalogues, ReuseOpinionPort opinions) {
        this.lifecycle = new Lifecycle(ports);
        this.catalogues = Objects.requireNonNull(catalogues, "catalogues");
        this.opinions = Objects.requireNonNull(opinions, "opinions");
    }

    @Override
    public ReuseOpinionView opinion(Caller caller, ProjectId id) {
        Project project = lifecycle.readFor(caller, id, "复用与重复建设审查意见");
        return view(caller, project);
    }

    @Override
    public ReuseOpinionView record(Caller caller, RecordReuseOpinionCommand command) {
        return lifecycle.ports().tx().inTransaction(() -> {
            Project project = lifecycle.loadFor(caller, command.projectId(), Action.RECORD_REUSE_OPINION);
            Outcome open = ReuseOpinion.mayBeRecordedIn(project.state(), pack(project));
            if (open.isRefused()) {
                throw new RefusedException(open.refusals());
            }
            List<SimilarReference> similar = references(caller.actor(), project, command.similar());
            ReuseOpinion opinion;
            try {
                opinion = new ReuseOpinion(UUID.randomUUID(), project.id(), command.verdict(), command.comment(),
                        similar, caller.actor().userId(), lifecycle.ports().clock().now());
            } catch (ResourceFieldException e) {
                throw new InvalidCommandException(e.field(), e.messageZh());
            }
            opinions.append(opinion);
            lifecycle.audit(caller, Action.RECORD_REUSE_OPINION, lifecycle.context(project.policyId()).pack(), project.id(), project.state(), project.state(),
                    "复用与重复建设审查意见：" + opinion.verdict().zh()
                            + (similar.isEmpty() ? "" : "，列明相似项目或资源" + similar.size() + "项"));
            return view(caller, project);
        });
    }

    /** The projects and resources named, as the officer may see them, with their names as they stand. */
    private List<SimilarReference> references(Actor actor, Project reviewed,
                                              List<RecordReuseOpinionCommand.Similar> named) {
        List<SimilarReference> references = new ArrayList<>(named.size());
        Map<ProjectId, Project> seen = new HashMap<>();
        for (int i = 0; i < named.size(); i++) {
            RecordReuseOpinionCommand.Similar s = named.get(i);
            String at = "similar[" + i + "]";
            if (s.projectId().equals(reviewed.id())) {
                throw new InvalidCommandException(at + ".projectId", "不能把本项目或本项目的资源列为相似项目");
            }
            Project other = seen.computeIfAbsent(s.projectId(), pid -> lifecycle.ports().load().load(pid).orElse(null));
            if (other == null || !visibleTo(actor, other)) {
                throw new InvalidCommandException(at + ".projectId", "相似项目不存在或不在您的办理范围内");
            }
            if (s.resourceId() == null) {
                references.add(new SimilarReference(other.id(), null, other.profile().name(), other.profile().name()));
            } else {
                ResourceEntry entry = catalogues.load(other.id()).entry(s.resourceId()).orElseThrow(
                        () -> new InvalidCommandException(at + ".resourceId", "该资源不在所列项目的资源目录中"));
                references.add(new SimilarReference(other.id(), entry.id(), entry.name(), other.profile().name()));
            }
        }
        return references;
    }

    private ReuseOpinionView view(Caller caller, Project project) {
        PolicyPack pack = pack(project);
        boolean open = !ReuseOpinion.mayBeRecordedIn(project.state(), pack).isRefused();
        boolean mayRecord = open && new AccessPolicy(pack)
                .decide(caller.actor(), Action.RECORD_REUSE_OPINION, project).isAllowed();
        List<ReuseOpinion> all = opinions.forProject(project.id());
        Optional<ReuseOpinionView.Shown> latest = all.stream().findFirst().map(o -> shown(caller.actor(), o));
        return new ReuseOpinionView(project.id(), project.state(), open, mayRecord, latest,
                Math.max(0, all.size() - 1));
    }

    /** An opinion with only the similar projects and resources the reader may see. */
    private ReuseOpinionView.Shown shown(Actor reader, ReuseOpinion opinion) {
        Map<ProjectId, Boolean> visible = new HashMap<>();
        List<SimilarReference> similar = opinion.similar().stream()
                .filter(r -> visible.computeIfAbsent(r.project(), pid -> lifecycle.ports().load().load(pid)
                        .map(p -> visibleTo(reader, p)).orElse(false)))
                .toList();
        return new ReuseOpinionView.Shown(opinion.id(), opinion.verdict(), opinion.comment(), similar,
                opinion.recordedBy(), opinion.recordedAt());
    }

    /** Whether the person may see the project, and it is not another unit's draft ({@link DuplicateCheck}). */
    private boolean visibleTo(Actor actor, Project project) {
        return DuplicateCheck.isExistingTo(new AccessPolicy(pack(project)), actor, project);
    }

    private PolicyPack pack(Project project) {
        return lifecycle.ports().policies().policies().forProject(project.policyId(), lifecycle.today());
    }
}
