package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.application.view.Page;
import cn.egov.projects.application.view.Statistics;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.application.view.UnitCompliance;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.deadline.DeadlineKind;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of the working place's adapters: scoped open deadlines, compliance counts, the audit search, sign-in
 * failures and locks, calendar tokens, idempotency keys and the account directory.
 */
abstract class WebWorkplaceContractTest extends PersistenceContractTest {

    private static final LocalDate DAY = LocalDate.of(2031, 3, 10);
    private final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private UnitId unitA;
    private UnitId unitB;
    private Project open;
    private Project secret;
    private Project other;

    private static Deadline deadline(DeadlineKind kind, String due) {
        LocalDate day = LocalDate.parse(due);
        return Deadline.open(UUID.randomUUID(), kind, null, day.minusMonths(1), day, false);
    }

    private Project project(UnitId unit, String name, boolean classified, ProjectState state, List<Deadline> ds) {
        Project p = Project.draft(ProjectId.random(), unit, Lifecycles.profile(name, 2031, classified,
                Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(), LocalDate.of(2030, 7, 1));
        return Snapshots.with(p, state, ds);
    }

    @BeforeAll
    void storeProjects() {
        unitA = new UnitId("WA-" + tag);
        unitB = new UnitId("WB-" + tag);
        open = project(unitA, "普通项目", false, ProjectState.PLANNED, List.of(
                deadline(DeadlineKind.IMPL_PLAN, "2031-03-01"),
                deadline(DeadlineKind.SUBSTANTIVE_START, "2031-03-05"),
                deadline(DeadlineKind.CONTRACT_FILING, "2031-02-01").metOn(LocalDate.of(2031, 2, 3)),
                deadline(DeadlineKind.PROGRESS_REPORT, "2031-02-01").metOn(LocalDate.of(2031, 1, 20)),
                deadline(DeadlineKind.WARRANTY_END, "2031-03-10").waived("无")));
        secret = project(unitA, "涉密项目", true, ProjectState.CONTRACTED, List.of(
                deadline(DeadlineKind.CONTRACT_FILING, "2031-03-12")));
        other = project(unitB, "他单位项目", false, ProjectState.ACCEPTED, List.of(
                deadline(DeadlineKind.FINAL_ACCOUNTS, "2031-03-20")));
        for (Project p : List.of(open, secret, other)) {
            adapters.projects().insert(p);
        }
    }

    private static ProjectListScope unitScope(UnitId unit) {
        return new ProjectListScope(Optional.of(unit), true, Set.of(), Optional.empty());
    }

    private List<UUID> projects(List<DueDeadline> items) {
        return items.stream().map(d -> d.projectId().value()).distinct().toList();
    }

    @Test
    @DisplayName("本单位范围：未完成未豁免的期限按到期日排序，含涉密项目；截止日之后的不列")
    void unitScopeListsOwnOpenDeadlines() {
        List<DueDeadline> due = adapters.workplaceReads().openDeadlines(unitScope(unitA), Set.of(),
                LocalDate.of(2031, 3, 12), 100);
        assertThat(due).extracting(d -> d.deadline().kind()).containsExactly(DeadlineKind.IMPL_PLAN,
                DeadlineKind.SUBSTANTIVE_START, DeadlineKind.CONTRACT_FILING);
        assertThat(due.get(0).leader().name()).isEqualTo("周建国");
        assertThat(due.get(2).classified()).isTrue();
        assertThat(adapters.workplaceReads().openDeadlines(unitScope(unitA), Set.of(), DAY, 100)).hasSize(2);
    }

    @Test
    @DisplayName("全市范围不含涉密项目（除非逐个允许），可按期限类型筛选，仅限指定项目时只列这些项目")
    void scopesAndKinds() {
        ProjectListScope all = new ProjectListScope(Optional.empty(), false, Set.of(), Optional.empty());
        List<DueDeadline> due = adapters.workplaceReads().openDeadlines(all, Set.of(), LocalDate.of(2031, 3, 31),
                10_000);
        assertThat(projects(due)).contains(open.id().value(), other.id().value()).doesNotContain(secret.id().value());
        ProjectListScope allowed = new ProjectListScope(Optional.empty(), false, Set.of(secret.id()),
                Optional.empty());
        assertThat(projects(adapters.workplaceReads().openDeadlines(allowed, Set.of(), LocalDate.of(2031, 3, 31),
                10_000))).contains(secret.id().value());
        assertThat(adapters.workplaceReads().openDeadlines(all, Set.of(DeadlineKind.FINAL_ACCOUNTS),
                LocalDate.of(2031, 3, 31), 10_000)).extracting(d -> d.projectId()).contains(other.id())
                .doesNotContain(open.id());
        ProjectListScope only = new ProjectListScope(Optional.empty(), false, Set.of(), Optional.of(Set.of()));
        assertThat(adapters.workplaceReads().openDeadlines(only, Set.of(), LocalDate.of(2031, 3, 31), 10)).isEmpty();
    }

    private static final ProjectListScope CITY = new ProjectListScope(Optional.empty(), false, Set.of(),
            Optional.empty());
    private static final ProjectListScope EVERYTHING = new ProjectListScope(Optional.empty(), true, Set.of(),
            Optional.empty());

    @Test
    @DisplayName("合规统计：按期、逾期完成、逾期未完成和第十七条标记按单位计数，豁免的不计")
    void complianceCountsPerUnit() {
        List<UnitCompliance> all = adapters.workplaceReads().byUnit(DAY, EVERYTHING);
        UnitCompliance a = all.stream().filter(u -> u.unit().equals(unitA)).findFirst().orElseThrow();
        assertThat(a.projects()).isEqualTo(2);
        assertThat(a.metOnTime()).isEqualTo(1);
        assertThat(a.metLate()).isEqualTo(1);
        assertThat(a.overdue()).isEqualTo(2);
        assertThat(a.art17Flagged()).isEqualTo(1);
        UnitCompliance b = all.stream().filter(u -> u.unit().equals(unitB)).findFirst().orElseThrow();
        assertThat(b.overdue()).isZero();
        assertThat(b.onTimeShare()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("合规统计只计范围内的项目：知悉范围外的涉密项目不计，逐个允许后才计；限于本单位时只有本单位")
    void complianceCountsOnlyTheScope() {
        UnitCompliance city = adapters.workplaceReads().byUnit(DAY, CITY).stream()
                .filter(u -> u.unit().equals(unitA)).findFirst().orElseThrow();
        assertThat(city.projects()).isEqualTo(1);
        ProjectListScope named = new ProjectListScope(Optional.empty(), false, Set.of(secret.id()), Optional.empty());
        assertThat(adapters.workplaceReads().byUnit(DAY, named)).filteredOn(u -> u.unit().equals(unitA))
                .singleElement().satisfies(u -> assertThat(u.projects()).isEqualTo(2));
        assertThat(adapters.workplaceReads().byUnit(DAY, unitScope(unitB))).extracting(UnitCompliance::unit)
                .containsExactly(unitB);
    }

    @Test
    @DisplayName("操作记录查询：按用户、操作、项目和时间段筛选，新的在前，分页，涉密项目的记录标明涉密")
    void auditSearch() {
        String user = "audit-" + tag;
        Instant t0 = Instant.parse("2031-03-01T02:00:00Z");
        for (int i = 0; i < 5; i++) {
            adapters.auditTrail().append(new AuditRecord(t0.plusSeconds(60L * i), user, Role.UNIT_STAFF,
                    unitA.code(), i % 2 == 0 ? "DECLARE" : "EDIT_DRAFT", "第七条",
                    (i == 4 ? secret : open).id().toString(), ProjectState.DRAFT, ProjectState.DECLARED, "r" + i, "-",
                    "摘要" + i));
        }
        Page<AuditEntry> page = adapters.workplaceReads().search(new AuditFilter(Optional.of(user), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), EVERYTHING, 1, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(AuditEntry::summary).containsExactly("摘要4", "摘要3");
        assertThat(page.items().get(0).classified()).isTrue();
        assertThat(page.items().get(1).classified()).isFalse();
        assertThat(adapters.workplaceReads().search(new AuditFilter(Optional.of(user), Optional.of("DECLARE"),
                Optional.of(open.id().toString()), Optional.of(t0.plusSeconds(60)), Optional.of(t0.plusSeconds(240))),
                EVERYTHING, 1, 10).items()).extracting(AuditEntry::summary).containsExactly("摘要2");
        assertThat(adapters.workplaceReads().search(new AuditFilter(Optional.of(user), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), EVERYTHING, 9, 2).items()).isEmpty();
        assertThat(adapters.workplaceReads().forProject(open.id().toString(), 100))
                .extracting(AuditEntry::summary).containsExactly("摘要0", "摘要1", "摘要2", "摘要3");
    }

    @Test
    @DisplayName("统计图表的数字：按状态、类别、年度的项目数和投资额，按单位和年度的期限执行情况，按类型的逾期期限；只数范围内的项目")
    void statisticsWithinTheScope() {
        Statistics a = adapters.workplaceReads().count(DAY, unitScope(unitA));
        assertThat(a.asOf()).isEqualTo(DAY);
        assertThat(a.byState()).extracting(Statistics.Tally::key, Statistics.Tally::count)
                .containsExactly(tuple("CONTRACTED", 1L), tuple("PLANNED", 1L));
        BigDecimal both = open.profile().totalInvestment().toBigDecimal()
                .add(secret.profile().totalInvestment().toBigDecimal());
        assertThat(a.byCategory()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("BUSINESS_SYSTEM");
            assertThat(t.count()).isEqualTo(2);
            assertThat(t.budget()).isEqualByComparingTo(both);
        });
        assertThat(a.byYear()).extracting(Statistics.Tally::key, Statistics.Tally::count)
                .containsExactly(tuple("2031", 2L));
        // met on time (a progress report), met late (a contract), two open past their day; the waived one and the
        // one not yet due are not counted
        assertThat(a.deadlines()).singleElement().satisfies(y -> {
            assertThat(y.unit()).isEqualTo(unitA);
            assertThat(y.year()).isEqualTo(2031);
            assertThat(y.metOnTime()).isEqualTo(1);
            assertThat(y.metLate()).isEqualTo(1);
            assertThat(y.overdue()).isEqualTo(2);
        });
        assertThat(a.overdueByKind()).extracting(Statistics.Tally::key, Statistics.Tally::count)
                .containsExactly(tuple("IMPL_PLAN", 1L), tuple("SUBSTANTIVE_START", 1L));

        // city-wide without the classified project: it is not counted anywhere
        Statistics city = adapters.workplaceReads().count(DAY, new ProjectListScope(Optional.empty(), false,
                Set.of(), Optional.of(Set.of(open.id(), secret.id(), other.id()))));
        assertThat(city.byState()).extracting(Statistics.Tally::key, Statistics.Tally::count)
                .containsExactly(tuple("ACCEPTED", 1L), tuple("PLANNED", 1L));
        assertThat(city.byCategory()).singleElement().satisfies(t -> assertThat(t.count()).isEqualTo(2));
        assertThat(city.deadlines()).extracting(Statistics.UnitYear::unit).containsExactly(unitA);
        assertThat(adapters.workplaceReads().count(DAY, unitScope(unitB)).deadlines()).isEmpty();
    }

    @Test
    @DisplayName("操作记录带办理人姓名和单位全称；名字只查得到存在的账号和登记的单位")
    void auditEntriesAndPagesCarryNames() {
        String userId = "named-" + tag;
        String project = UUID.randomUUID().toString();
        adapters.accounts().insert(new Account(userId, "named-" + tag, "王经办", Role.UNIT_STAFF, unitA, null, null,
                "h", true, Set.of()));
        adapters.units().insert(new Unit(unitA, "太仓市某局" + tag, Unit.Kind.IMPLEMENTING));
        adapters.auditTrail().append(new AuditRecord(Instant.parse("2031-03-02T02:00:00Z"), userId, Role.UNIT_STAFF,
                unitA.code(), "DECLARE", "第七条", project, ProjectState.DRAFT, ProjectState.DECLARED, "rn", "-",
                "有名字"));
        adapters.auditTrail().append(new AuditRecord(Instant.parse("2031-03-02T02:01:00Z"), "gone-" + tag,
                Role.UNIT_STAFF, "NO-SUCH-" + tag, "OPEN_WINDOW", "第七条", null, null, null, "rm", "-", "无名字"));
        assertThat(adapters.workplaceReads().forProject(project, 100))
                .filteredOn(e -> e.requestId().equals("rn")).singleElement().satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo("王经办");
                    assertThat(e.unitName()).isEqualTo("太仓市某局" + tag);
                });
        assertThat(adapters.workplaceReads().search(new AuditFilter(Optional.of("gone-" + tag), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), EVERYTHING, 1, 10).items()).singleElement()
                .satisfies(e -> {
                    assertThat(e.actorName()).isNull();
                    assertThat(e.unitName()).isNull();
                });
        assertThat(adapters.names().people(List.of(userId, "gone-" + tag))).containsExactly(Map.entry(userId, "王经办"));
        assertThat(adapters.names().units()).containsEntry(unitA.code(), "太仓市某局" + tag)
                .doesNotContainKey("NO-SUCH-" + tag);
    }

    @Test
    @DisplayName("操作记录查询只含范围内项目的记录：知悉范围外的涉密项目的记录不列也不计数，与不存在的项目一样；无项目的记录照常列出")
    void auditSearchLeavesProjectsOutsideTheScopeOut() {
        String user = "scope-" + tag;
        Instant t0 = Instant.parse("2031-03-02T02:00:00Z");
        String nothing = ProjectId.random().toString();
        for (String project : new String[]{other.id().toString(), secret.id().toString(), null, nothing}) {
            adapters.auditTrail().append(new AuditRecord(t0, user, Role.UNIT_STAFF, unitA.code(), "DECLARE",
                    "第七条", project, null, null, "r", "-", "记录" + project));
        }
        AuditFilter byUser = new AuditFilter(Optional.of(user), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        Page<AuditEntry> city = adapters.workplaceReads().search(byUser, CITY, 1, 10);
        // the project operation records: those of projects in the scope; the records of no project (other than the
        // declaration windows) are the security auditor's, and those of projects not stored are of none in the scope
        assertThat(city.total()).isEqualTo(1);
        assertThat(city.items()).extracting(AuditEntry::projectId).containsExactly(other.id().toString());
        Page<AuditEntry> security = adapters.workplaceReads().searchSecurityTrail(byUser, 1, 10);
        assertThat(security.total()).isEqualTo(4);
        AuditFilter bySecret = new AuditFilter(Optional.of(user), Optional.empty(),
                Optional.of(secret.id().toString()), Optional.empty(), Optional.empty());
        AuditFilter byAbsent = new AuditFilter(Optional.of(user), Optional.empty(),
                Optional.of(ProjectId.random().toString()), Optional.empty(), Optional.empty());
        Page<AuditEntry> hidden = adapters.workplaceReads().search(bySecret, CITY, 1, 10);
        Page<AuditEntry> absent = adapters.workplaceReads().search(byAbsent, CITY, 1, 10);
        assertThat(hidden.items()).isEqualTo(absent.items()).isEmpty();
        assertThat(hidden.total()).isEqualTo(absent.total()).isZero();
        ProjectListScope named = new ProjectListScope(Optional.empty(), false, Set.of(secret.id()), Optional.empty());
        assertThat(adapters.workplaceReads().search(bySecret, named, 1, 10).items()).singleElement()
                .satisfies(e -> assertThat(e.classified()).isTrue());
        assertThat(adapters.workplaceReads().search(byUser, EVERYTHING, 1, 10).total()).isEqualTo(2);
    }

    @Test
    @DisplayName("登录失败计数、清除与锁定")
    void loginAttempts() {
        var port = adapters.webSecurity();
        String name = "user-" + tag;
        Instant t = Instant.parse("2031-03-01T00:00:00Z");
        port.recordFailure(name, t, "10.0.0.1");
        port.recordFailure(name, t.plusSeconds(60), "10.0.0.1");
        assertThat(port.failuresSince(name, t)).isEqualTo(2);
        assertThat(port.failuresSince(name, t.plusSeconds(30))).isEqualTo(1);
        port.clearFailures(name);
        assertThat(port.failuresSince(name, t)).isZero();
        assertThat(port.lockedUntil(name)).isEmpty();
        port.lock(name, t.plusSeconds(900));
        port.lock(name, t.plusSeconds(1800));
        assertThat(port.lockedUntil(name)).contains(t.plusSeconds(1800));
    }

    @Test
    @DisplayName("同一人同时多次申领日历令牌（两个标签页）：不冲突，最后只有其中一个令牌有效")
    void concurrentTokenIssuesDoNotCollide() throws Exception {
        var port = adapters.webSecurity();
        String userId = "c-" + tag;
        adapters.accounts().insert(new Account(userId, "cal-" + tag, "日历用户", Role.UNIT_STAFF, unitA, null, null,
                "pbkdf2-sha256$1000$x$y", true, Set.of()));
        Instant t = Instant.parse("2031-03-01T00:00:00Z");
        int threads = 6;
        for (int round = 0; round < 10; round++) {
            List<String> digests = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                digests.add(String.format("%064x", round * 100 + i));
            }
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> issued = new java.util.ArrayList<>();
                for (String digest : digests) {
                    issued.add(pool.submit(() -> {
                        start.await();
                        port.put(userId, digest, t);
                        return null;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<?> f : issued) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(digests.stream().filter(d -> port.userFor(d).isPresent()).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("日历令牌、幂等键与账号目录")
    void tokensKeysAndDirectory() {
        var port = adapters.webSecurity();
        String userId = "u-" + tag;
        adapters.accounts().insert(new Account(userId, "dir-" + tag, "目录用户", Role.UNIT_STAFF, unitA, null, null,
                "pbkdf2-sha256$1000$x$y", true, Set.of()));
        Instant t = Instant.parse("2031-03-01T00:00:00Z");
        port.put(userId, "a".repeat(64), t);
        assertThat(port.userFor("a".repeat(64))).contains(userId);
        port.put(userId, "b".repeat(64), t);
        assertThat(port.userFor("a".repeat(64))).isEmpty();
        assertThat(port.remove(userId)).isTrue();
        assertThat(port.remove(userId)).isFalse();
        assertThat(port.userFor("b".repeat(64))).isEmpty();

        assertThat(port.reserve(userId, "key-1", "POST /x", t)).isTrue();
        assertThat(port.reserve(userId, "key-1", "POST /x", t)).isFalse();
        assertThat(port.find(userId, "key-1")).hasValueSatisfying(r -> assertThat(r.completed()).isFalse());
        port.complete(userId, "key-1", 201, "{\"ok\":true}");
        assertThat(port.find(userId, "key-1")).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("{\"ok\":true}");
            assertThat(r.fingerprint()).isEqualTo("POST /x");
        });
        port.release(userId, "key-1");
        assertThat(port.find(userId, "key-1")).isEmpty();
        port.reserve(userId, "key-2", "POST /y", t);
        assertThat(port.purgeBefore(t.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(port.find(userId, "key-2")).isEmpty();

        assertThat(port.findById(userId)).hasValueSatisfying(a -> {
            assertThat(a.username()).isEqualTo("dir-" + tag);
            assertThat(a.passwordHash()).isEqualTo("-");
            assertThat(a.enabled()).isTrue();
        });
        assertThat(port.setEnabled(userId, false)).isTrue();
        assertThat(port.findById(userId)).hasValueSatisfying(a -> assertThat(a.enabled()).isFalse());
        assertThat(port.setEnabled("nobody-" + tag, false)).isFalse();
        assertThat(port.all()).extracting(Account::username).contains("dir-" + tag).isSorted();
    }
}
