package cn.egov.projects.application.service;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ProjectDetails;
import cn.egov.projects.application.port.in.ProjectPage;
import cn.egov.projects.application.port.in.ProjectPageUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.DocumentPort;
import cn.egov.projects.application.port.out.NamesPort;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.Names;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.AvailableActions;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A project's page: the project as {@link ProjectQueryService} shows it, the actions the caller may take now
 * ({@link AvailableActions}), its timeline from the audit trail and its documents, read in one go. While the review
 * runs, the project's own unit reads the timeline without the names of the experts named to it (Art. 8).
 */
public final class ProjectPageService implements ProjectPageUseCase {

    private final Lifecycle lifecycle;
    private final Ports ports;
    private final DocumentPort documents;
    private final NamesPort names;

    /**
     * @param names the names of the people and units the page mentions (the timeline's actors, the documents'
     *              uploaders, the project's unit)
     */
    public ProjectPageService(Ports ports, DocumentPort documents, NamesPort names) {
        this.lifecycle = new Lifecycle(ports);
        this.ports = ports;
        this.documents = documents;
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public ProjectPage page(Caller caller, ProjectId id) {
        return read(caller, id, "项目页（详情、办理记录、文档目录）");
    }

    @Override
    public ProjectPage record(Caller caller, ProjectId id) {
        return read(caller, id, "项目档案（PDF）");
    }

    private ProjectPage read(Caller caller, ProjectId id, String what) {
        Project project = lifecycle.readFor(caller, id, what);
        LocalDate today = lifecycle.today();
        PolicyPack pack = ports.policies().policies().forProject(project.policyId(), today);
        ProjectDetails details = new ProjectDetails(project.snapshot(), today,
                project.deadlines().stream().map(d -> new ProjectDetails.DeadlineView(d, d.statusOn(today))).toList(),
                project.flagsOn(today, pack).flags(), pack);
        List<Action> actions = new AvailableActions(new AccessPolicy(pack)).of(project, caller.actor());
        List<AuditRecord> records = ports.audit().forProject(id.toString());
        boolean classified = project.isClassified();
        boolean seesReviewers = new AccessPolicy(pack).maySeeReviewers(caller.actor(), project);
        List<StoredDocument> attached = documents.listFor(id);
        Set<String> people = new HashSet<>();
        records.forEach(r -> people.add(r.userId()));
        attached.forEach(d -> people.add(d.uploadedBy()));
        people.remove(null);
        Names known = new Names(names.people(people), names.units());
        List<AuditEntry> timeline = new ArrayList<>(records.size());
        long seq = 0;
        for (AuditRecord r : records) {
            boolean withheld = !seesReviewers && mayNameAReviewer(r.action());
            String summary = withheld ? REVIEWERS_WITHHELD : r.summary();
            // an expert's own step names the expert by who took it: withheld with the rest
            boolean anonymous = withheld && isExpertsOwnStep(r.action());
            String userId = anonymous ? null : r.userId();
            timeline.add(new AuditEntry(++seq, r.at(), userId, r.role(), r.unit(), r.action(), r.article(),
                    r.projectId(), r.fromState(), r.toState(), r.requestId(), r.sourceAddress(), summary,
                    classified, known.person(userId), known.unit(r.unit())));
        }
        return new ProjectPage(details, actions, timeline, attached, known);
    }

    /** What the project's unit reads of an expert's naming while the review runs (Art. 8). */
    static final String REVIEWERS_WITHHELD = "（评审结束前不向项目单位显示）";

    /**
     * Whether an audited action may have named or removed one of the project's reviewers: the Bureau's naming of
     * review experts (also under its former code), or the secrecy office's naming of anyone into a classified project's
     * scope, experts among them; or an expert's own step on a drawn panel (declaration, refusal, opinion).
     */
    private static boolean isExpertsOwnStep(String action) {
        return action != null && action.startsWith("EXPERT_");
    }

    private static boolean mayNameAReviewer(String action) {
        return Action.ASSIGN_REVIEW_EXPERT.name().equals(action) || Action.ASSIGN_TO_SCOPE.name().equals(action)
                || "ASSIGN_EXPERT".equals(action) || action != null && action.startsWith("EXPERT_");
    }
}
