package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditSearchPort;
import cn.egov.projects.application.port.out.CompliancePort;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.port.out.ScopedDeadlinesPort;
import cn.egov.projects.application.port.out.StatisticsPort;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.Statistics;
import cn.egov.projects.application.view.ProjectListFilter;
import cn.egov.projects.application.view.ProjectSummary;
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read models of the staff's working place (to-do lists, the compliance dashboard, the audit search) computed
 * from the in-memory projects and audit trail within a person's scope, as the persistence adapter computes them in
 * SQL.
 */
public final class InMemoryWorkplaceReads implements ScopedDeadlinesPort, CompliancePort, AuditSearchPort,
        StatisticsPort {

    private final InMemoryProjects projects;
    private final InMemoryAuditTrail audit;

    public InMemoryWorkplaceReads(InMemoryProjects projects, InMemoryAuditTrail audit) {
        this.projects = projects;
        this.audit = audit;
    }

    private List<Project.Snapshot> snapshots(ProjectListScope scope) {
        Page<ProjectSummary> page = projects.list(scope, ProjectListFilter.none(), 1, 100_000);
        return page.items().stream().map(s -> projects.load(s.id()).orElseThrow().snapshot()).toList();
    }

    @Override
    public List<DueDeadline> openDeadlines(ProjectListScope scope, Set<DeadlineKind> kinds, LocalDate dueOnOrBefore,
                                           int limit) {
        List<DueDeadline> all = new ArrayList<>();
        for (Project.Snapshot s : snapshots(scope)) {
            for (Deadline d : s.deadlines()) {
                if (d.isOpen() && !d.due().isAfter(dueOnOrBefore) && (kinds.isEmpty() || kinds.contains(d.kind()))) {
                    all.add(new DueDeadline(d, s.id(), s.unit(), s.profile().name(), s.profile().classified(),
                            s.state(), s.policyId(),
                            s.profile().people() == null ? null : s.profile().people().leader(),
                            s.profile().people() == null ? null : s.profile().people().responsible()));
                }
            }
        }
        return all.stream().sorted(Comparator.comparing((DueDeadline d) -> d.deadline().due())
                .thenComparing(d -> d.deadline().id())).limit(limit).toList();
    }

    @Override
    public List<UnitCompliance> byUnit(LocalDate today, ProjectListScope scope) {
        Map<UnitId, long[]> counts = new TreeMap<>(Comparator.comparing(UnitId::code));
        for (Project.Snapshot s : snapshots(scope)) {
            long[] c = counts.computeIfAbsent(s.unit(), u -> new long[5]);
            c[0]++;
            boolean flagged = false;
            for (Deadline d : s.deadlines()) {
                if (d.waivedReason() != null) {
                    continue;
                }
                if (d.metOn() != null) {
                    c[d.metOn().isAfter(d.due()) ? 2 : 1]++;
                } else if (d.due().isBefore(today)) {
                    c[3]++;
                    flagged |= d.kind() == DeadlineKind.SUBSTANTIVE_START && !s.state().isFinal();
                }
            }
            if (flagged) {
                c[4]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new UnitCompliance(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        e.getValue()[3], e.getValue()[4])).toList();
    }

    @Override
    public Statistics count(LocalDate today, ProjectListScope scope) {
        Map<String, Statistics.Tally> byState = new TreeMap<>();
        Map<String, Statistics.Tally> byCategory = new TreeMap<>();
        Map<String, Statistics.Tally> byYear = new TreeMap<>();
        Map<String, long[]> kept = new TreeMap<>();
        Map<String, Statistics.Tally> overdue = new TreeMap<>();
        for (Project.Snapshot s : snapshots(scope)) {
            java.math.BigDecimal budget = s.profile().totalInvestment().toBigDecimal();
            add(byState, s.state().name(), budget);
            add(byCategory, s.profile().category().name(), budget);
            add(byYear, String.valueOf(s.profile().planYear()), budget);
            for (Deadline d : s.deadlines()) {
                long[] c = kept.computeIfAbsent(s.unit().code() + "|" + d.due().getYear(), k -> new long[3]);
                if (d.metOn() != null) {
                    c[d.metOn().isAfter(d.due()) ? 1 : 0]++;
                } else if (d.isOpen() && d.due().isBefore(today)) {
                    c[2]++;
                    add(overdue, d.kind().name(), null);
                }
            }
        }
        List<Statistics.UnitYear> deadlines = new ArrayList<>();
        kept.forEach((key, c) -> {
            if (c[0] + c[1] + c[2] > 0) {
                String[] k = key.split("\\|");
                deadlines.add(new Statistics.UnitYear(new UnitId(k[0]), Integer.parseInt(k[1]), c[0], c[1], c[2]));
            }
        });
        return new Statistics(today, List.copyOf(byState.values()), List.copyOf(byCategory.values()),
                List.copyOf(byYear.values()), deadlines, List.copyOf(overdue.values()));
    }

    private static void add(Map<String, Statistics.Tally> tallies, String key, java.math.BigDecimal budget) {
        Statistics.Tally t = tallies.get(key);
        java.math.BigDecimal b = budget == null ? java.math.BigDecimal.ZERO : budget;
        tallies.put(key, t == null ? new Statistics.Tally(key, 1, b)
                : new Statistics.Tally(key, t.count() + 1, t.budget().add(b)));
    }

    @Override
    public Page<AuditEntry> search(AuditFilter filter, ProjectListScope scope, int page, int size) {
        Set<String> inScope = new HashSet<>();
        snapshots(scope).forEach(s -> inScope.add(s.id().toString()));
        return search(filter, r -> r.projectId() == null ? "OPEN_WINDOW".equals(r.action())
                : inScope.contains(r.projectId()), page, size);
    }

    @Override
    public Page<AuditEntry> searchSecurityTrail(AuditFilter filter, int page, int size) {
        return search(filter, r -> true, page, size);
    }

    private Page<AuditEntry> search(AuditFilter filter, java.util.function.Predicate<AuditRecord> trail, int page,
                                    int size) {
        List<AuditRecord> records = audit.all();
        List<AuditEntry> matching = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0; i--) {
            AuditRecord r = records.get(i);
            if (filter.userId().map(u -> u.equals(r.userId())).orElse(true)
                    && filter.action().map(a -> a.equals(r.action())).orElse(true)
                    && filter.projectId().map(p -> p.equals(r.projectId())).orElse(true)
                    && filter.from().map(f -> !r.at().isBefore(f)).orElse(true)
                    && filter.to().map(t -> r.at().isBefore(t)).orElse(true)
                    && trail.test(r)) {
                matching.add(entry(i + 1, r));
            }
        }
        int from = Math.min((page - 1) * size, matching.size());
        return new Page<>(matching.subList(from, Math.min(from + size, matching.size())), page, size, matching.size());
    }

    @Override
    public List<AuditEntry> forProject(String projectId, int limit) {
        List<AuditRecord> records = audit.all();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < records.size() && entries.size() < limit; i++) {
            if (Objects.equals(records.get(i).projectId(), projectId)) {
                entries.add(entry(i + 1, records.get(i)));
            }
        }
        return entries;
    }

    private AuditEntry entry(long id, AuditRecord r) {
        boolean classified = false;
        if (r.projectId() != null) {
            classified = projects.load(ProjectId.parse(r.projectId())).map(Project::isClassified).orElse(false);
        }
        return new AuditEntry(id, r.at(), r.userId(), r.role(), r.unit(), r.action(), r.article(), r.projectId(),
                r.fromState(), r.toState(), r.requestId(), r.sourceAddress(), r.summary(), classified, null, null);
    }
}
