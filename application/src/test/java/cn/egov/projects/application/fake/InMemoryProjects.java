package cn.egov.projects.application.fake;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.port.out.ListProjectsPort;
import cn.egov.projects.application.port.out.ProvisionalDeadlinesPort;
import cn.egov.projects.application.port.out.LoadProjectPort;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.port.out.SaveProjectPort;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.ProjectId;

import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * Projects kept in memory as snapshots, with the optimistic version check of the real adapter; what is loaded is a
 * copy, so a change not saved is not seen.
 */
public final class InMemoryProjects implements LoadProjectPort, SaveProjectPort, ListProjectsPort, DueDeadlinesPort,
        ProvisionalDeadlinesPort, Rollback {

    private final Map<ProjectId, Project.Snapshot> stored = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Project> load(ProjectId id) {
        return Optional.ofNullable(stored.get(id)).map(Project::restore);
    }

    @Override
    public synchronized void insert(Project project) {
        if (stored.containsKey(project.id())) {
            throw new ConcurrentChangeException("project " + project.id() + " exists");
        }
        project.markSaved(1);
        stored.put(project.id(), project.snapshot());
    }

    @Override
    public synchronized void update(Project project) {
        Project.Snapshot current = stored.get(project.id());
        if (current == null || current.version() != project.version()) {
            throw new ConcurrentChangeException("project " + project.id() + " changed");
        }
        project.markSaved(project.version() + 1);
        stored.put(project.id(), project.snapshot());
    }

    @Override
    public synchronized Page<ProjectSummary> list(ProjectListScope scope, ProjectListFilter filter, int page, int size) {
        List<ProjectSummary> all = stored.values().stream()
                .filter(s -> scope.unit().map(u -> u.equals(s.unit())).orElse(true))
                // outside the unit nobody sees its drafts (RULES.md §1)
                .filter(s -> scope.drafts() || s.state() != ProjectState.DRAFT)
                .filter(s -> !s.profile().classified() || scope.allClassified() || scope.classifiedAllowed().contains(s.id()))
                .filter(s -> scope.onlyThese().map(ids -> ids.contains(s.id())).orElse(true))
                .filter(s -> filter.planYear().map(y -> y == s.profile().planYear()).orElse(true))
                .filter(s -> filter.unit().map(u -> u.equals(s.unit())).orElse(true))
                .filter(s -> filter.state().map(st -> st == s.state()).orElse(true))
                .filter(s -> filter.category().map(c -> c == s.profile().category()).orElse(true))
                .filter(s -> filter.matchesText(s.profile().name(), s.id().toString()))
                .sorted(Comparator.comparing(Project.Snapshot::createdOn).reversed())
                .map(s -> new ProjectSummary(s.id(), s.unit(), s.profile().name(), s.profile().planYear(), s.state(),
                        s.profile().category(), s.profile().nature(), s.profile().classified(),
                        s.profile().totalInvestment(), s.createdOn(), s.version()))
                .toList();
        int from = Math.min((page - 1) * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size());
    }

    @Override
    public synchronized List<DueDeadline> openDueOnOrBefore(LocalDate dueOnOrBefore, DueCursor after, int limit) {
        return openDue(d -> !d.due().isAfter(dueOnOrBefore), after, limit);
    }

    @Override
    public synchronized List<DueDeadline> openDueOn(SortedSet<LocalDate> days, DueCursor after, int limit) {
        return openDue(d -> days.contains(d.due()), after, limit);
    }

    @Override
    public synchronized Optional<LocalDate> earliestOpenDue() {
        return stored.values().stream().flatMap(s -> s.deadlines().stream()).filter(Deadline::isOpen)
                .map(Deadline::due).min(Comparator.naturalOrder());
    }

    private List<DueDeadline> openDue(Predicate<Deadline> due, DueCursor after, int limit) {
        Comparator<DueDeadline> order = Comparator.comparing((DueDeadline d) -> d.deadline().due())
                .thenComparing(d -> d.deadline().id());
        return stored.values().stream()
                .flatMap(s -> s.deadlines().stream().filter(d -> d.isOpen() && due.test(d))
                        .map(d -> new DueDeadline(d, s.id(), s.unit(), s.profile().name(), s.profile().classified(),
                                s.state(), s.policyId(),
                                s.profile().people() == null ? null : s.profile().people().leader(),
                                s.profile().people() == null ? null : s.profile().people().responsible())))
                .filter(d -> after == null || d.deadline().due().isAfter(after.due())
                        || d.deadline().due().equals(after.due()) && d.deadline().id().compareTo(after.deadlineId()) > 0)
                .sorted(order)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ProjectId> projectsWithOpenProvisionalDeadlines() {
        return stored.values().stream()
                .filter(s -> s.deadlines().stream().anyMatch(d -> d.isOpen() && d.provisional()))
                .map(Project.Snapshot::id).toList();
    }

    public synchronized int count() {
        return stored.size();
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new LinkedHashMap<>(stored);
        return () -> {
            synchronized (this) {
                stored.clear();
                stored.putAll(saved);
            }
        };
    }
}
