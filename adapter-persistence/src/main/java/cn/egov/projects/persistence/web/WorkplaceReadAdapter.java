package cn.egov.projects.persistence.web;

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
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.deadline.DueDeadlineRow;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The working place's reads in SQL, each within a person's scope (the same scope rules as the project list): open
 * deadlines, each unit's compliance counts, and the audit search with whether each record's project is classified.
 */
public final class WorkplaceReadAdapter implements ScopedDeadlinesPort, CompliancePort, AuditSearchPort,
        StatisticsPort {

    static final int MAX_LIMIT = 10_000;

    private final Sessions sessions;

    private final FieldCipher cipher;

    public WorkplaceReadAdapter(Sessions sessions, FieldCipher cipher) {
        this.sessions = Mappers.registered(Objects.requireNonNull(sessions, "sessions"));
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public List<DueDeadline> openDeadlines(ProjectListScope scope, Set<DeadlineKind> kinds, LocalDate dueOnOrBefore,
                                           int limit) {
        Objects.requireNonNull(dueOnOrBefore, "dueOnOrBefore");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        Scope sql = Scope.of(scope);
        List<String> kindNames = kinds.stream().map(Enum::name).sorted().toList();
        List<DueDeadlineRow> rows = sessions.call(s -> s.getMapper(WorkplaceDao.class).openDeadlines(
                sql.unit(), sql.allClassified(), sql.allowed(), sql.only(), kindNames, dueOnOrBefore, limit));
        return rows.stream().map(r -> r.toDueDeadline(cipher)).toList();
    }

    /** A person's scope as the mapper's parameters ({@code WorkplaceDao.xml}, {@code scope}). */
    private record Scope(String unit, boolean allClassified, List<UUID> allowed, List<UUID> only) {
        static Scope of(ProjectListScope scope) {
            return new Scope(scope.unit().map(UnitId::code).orElse(null), scope.allClassified(),
                    scope.classifiedAllowed().stream().map(ProjectId::value).sorted().toList(),
                    scope.onlyThese().map(ids -> ids.stream().map(ProjectId::value).sorted().toList()).orElse(null));
        }
    }

    @Override
    public List<UnitCompliance> byUnit(LocalDate today, ProjectListScope scope) {
        Scope sql = Scope.of(scope);
        return sessions.call(s -> s.getMapper(WorkplaceDao.class).compliance(today, sql.unit(), sql.allClassified(),
                        sql.allowed(), sql.only())).stream()
                .map(r -> new UnitCompliance(new UnitId(r.unit()), r.projects(), zero(r.metOnTime()),
                        zero(r.metLate()), zero(r.overdue()), r.art17Flagged()))
                .toList();
    }

    @Override
    public Statistics count(LocalDate today, ProjectListScope scope) {
        Scope sql = Scope.of(scope);
        return sessions.call(s -> {
            WorkplaceDao dao = s.getMapper(WorkplaceDao.class);
            return new Statistics(today,
                    tallies(dao.projectTallies("state", sql.unit(), sql.allClassified(), sql.allowed(), sql.only())),
                    tallies(dao.projectTallies("category", sql.unit(), sql.allClassified(), sql.allowed(),
                            sql.only())),
                    tallies(dao.projectTallies("plan_year", sql.unit(), sql.allClassified(), sql.allowed(),
                            sql.only())),
                    dao.deadlinesByUnitYear(today, sql.unit(), sql.allClassified(), sql.allowed(), sql.only())
                            .stream().map(r -> new Statistics.UnitYear(new UnitId(r.unit()), r.dueYear(),
                                    zero(r.metOnTime()), zero(r.metLate()), zero(r.overdue()))).toList(),
                    tallies(dao.overdueByKind(today, sql.unit(), sql.allClassified(), sql.allowed(), sql.only())));
        });
    }

    private static List<Statistics.Tally> tallies(List<TallyRow> rows) {
        return rows.stream().map(r -> new Statistics.Tally(r.id(), r.count(), r.budget())).toList();
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    @Override
    public Page<AuditEntry> search(AuditFilter filter, ProjectListScope scope, int page, int size) {
        return search(filter, Scope.of(scope), false, page, size);
    }

    @Override
    public Page<AuditEntry> searchSecurityTrail(AuditFilter filter, int page, int size) {
        return search(filter, new Scope(null, true, List.of(), null), true, page, size);
    }

    private Page<AuditEntry> search(AuditFilter filter, Scope sql, boolean securityTrail, int page, int size) {
        String user = filter.userId().orElse(null);
        String action = filter.action().orElse(null);
        String project = filter.projectId().orElse(null);
        var from = filter.from().orElse(null);
        var to = filter.to().orElse(null);
        long offset = (long) (page - 1) * size;
        return sessions.call(s -> {
            WorkplaceDao dao = s.getMapper(WorkplaceDao.class);
            long total = dao.countAudit(user, action, project, from, to, sql.unit(), sql.allClassified(),
                    sql.allowed(), sql.only(), securityTrail);
            List<AuditEntry> items = offset >= total ? List.of()
                    : dao.searchAudit(user, action, project, from, to, sql.unit(), sql.allClassified(), sql.allowed(),
                    sql.only(), securityTrail, size, offset).stream()
                    .map(WorkplaceReadAdapter::entry).toList();
            return new Page<>(items, page, size, total);
        });
    }

    @Override
    public List<AuditEntry> forProject(String projectId, int limit) {
        return sessions.call(s -> s.getMapper(WorkplaceDao.class).auditForProject(projectId, limit)).stream()
                .map(WorkplaceReadAdapter::entry).toList();
    }

    private static AuditEntry entry(AuditEntryRow r) {
        return new AuditEntry(r.id(), r.at(), r.userId(), r.role(), r.unit(), r.action(), r.article(), r.projectId(),
                r.fromState(), r.toState(), r.requestId(), r.sourceAddress(), r.summary(), r.classified(), r.actorName(),
                r.unitName());
    }
}
