package cn.egov.projects.persistence;

import cn.egov.projects.domain.deadline.Deadline;
import cn.egov.projects.domain.money.Money;
import cn.egov.projects.domain.project.Acceptance;
import cn.egov.projects.domain.project.ChangeRequest;
import cn.egov.projects.domain.project.Contract;
import cn.egov.projects.domain.project.PerformanceGoal;
import cn.egov.projects.domain.project.Person;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectProfile;
import cn.egov.projects.domain.project.ReviewOpinion;
import cn.egov.projects.domain.project.UnitId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The carry-over of V14: projects stored in the child tables of schema version 13 (written here with plain SQL as
 * the adapter of that release wrote them) load, after the upgrade, exactly as they were — every child kind, amounts,
 * days, deadlines — with their deadline rows and contacts in place and the child tables gone.
 */
abstract class ProjectDocumentMigrationContractTest {

    protected abstract TestDatabase newTestDatabase();

    private static UnitId newUnit() {
        return new UnitId("M-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Gives each step the next version, as saving it would. */
    private static final Consumer<Project> COUNT_VERSIONS = p -> p.markSaved(p.version() + 1);

    @Test
    @DisplayName("第13版的项目（各类子表数据、金额、日期、期限）升级为文档后原样读回，子表删除，期限行和联系人保留")
    void projectsOfVersion13LoadUnchangedAfterTheUpgrade() throws SQLException {
        try (TestDatabase db = newTestDatabase()) {
            String vendor = db.isPostgreSql() ? "postgresql" : "h2";
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.settings().url(), db.settings().user(), db.settings().password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                    .target("13")
                    .load()
                    .migrate();
            List<Project> projects = List.of(
                    Lifecycles.fullLife(newUnit(), COUNT_VERSIONS),
                    Lifecycles.supplementaryTerminated(newUnit(), COUNT_VERSIONS),
                    Lifecycles.plannedWithExceptions(newUnit(), COUNT_VERSIONS),
                    Lifecycles.rejected(newUnit(), COUNT_VERSIONS),
                    draftWithoutPeople());
            try (Connection c = DriverManager.getConnection(db.settings().url(), db.settings().user(),
                    db.settings().password())) {
                for (Project p : projects) {
                    writeAsVersion13(c, p.snapshot());
                }
            }

            try (Database upgraded = Database.open(db.settings())) {
                assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latest(db.isPostgreSql()));
                PersistenceAdapters adapters = new PersistenceAdapters(upgraded);
                for (Project p : projects) {
                    // version 13 had no kind of purchase for a budget line: it reads as not stated; it kept a
                    // performance goal as a line of text, which reads as that indicator without kind or target, and
                    // no goal-by-goal achievements or assessments
                    Project.Snapshot loaded = adapters.projects().load(p.id()).orElseThrow().snapshot();
                    assertThat(loaded.profile().budgetLines()).allSatisfy(l -> assertThat(l.kind()).isNull());
                    assertThat(loaded.profile().performanceGoals()).isEqualTo(p.profile().performanceGoals()
                            .stream().map(g -> PerformanceGoal.untargeted(g.indicator())).toList());
                    if (loaded.selfInspection() != null) {
                        assertThat(loaded.selfInspection().goalAchievements()).isEmpty();
                    }
                    // nor stages of acceptance: an acceptance without one was the pack's single (final) stage
                    assertThat(loaded.acceptances()).allSatisfy(a -> assertThat(a.goalAssessments()).isEmpty());
                    assertThat(loaded.acceptances()).allSatisfy(a -> assertThat(a.stage()).isNull());
                    assertThat(loaded).usingRecursiveComparison().ignoringFields("profile.budgetLines.kind",
                                    "profile.performanceGoals", "selfInspection.goalAchievements",
                                    "acceptances.goalAssessments", "acceptances.stage")
                            .isEqualTo(p.snapshot());
                }
                try (Connection c = upgraded.dataSource().getConnection()) {
                    for (Project p : projects) {
                        assertThat(deadlineIds(c, p)).isEqualTo(p.deadlines().stream().map(Deadline::id).toList());
                        assertThat(contacts(c, p)).isEqualTo(expectedContacts(p));
                    }
                    for (String table : List.of("project_budget_line", "project_person", "project_acceptance_expert")) {
                        assertThatThrownBy(() -> {
                            try (Statement s = c.createStatement()) {
                                s.executeQuery("SELECT COUNT(*) FROM " + table).close();
                            }
                        }).as(table).isInstanceOf(SQLException.class);
                    }
                }
                // a carried-over project saves on from its version like any other
                Project stored = adapters.projects().load(projects.get(2).id()).orElseThrow();
                long version = stored.version();
                adapters.projects().update(Snapshots.with(stored, stored.state(), stored.deadlines().subList(0, 1)));
                Project again = adapters.projects().load(stored.id()).orElseThrow();
                assertThat(again.version()).isEqualTo(version + 1);
                assertThat(again.deadlines()).hasSize(1);
            }
        }
    }

    private static Project draftWithoutPeople() {
        ProjectProfile base = Lifecycles.profile("未填责任人的草稿 𠀀", 2026, true,
                cn.egov.projects.domain.catalog.Category.BUSINESS_SYSTEM);
        ProjectProfile profile = new ProjectProfile(base.name(), base.planYear(), base.category(), base.nature(),
                base.serviceKind(), base.supervisedProject(), base.softwareDevelopment(), base.funding(),
                base.classified(), base.usesCryptography(), List.of(), List.of(),
                List.of(new cn.egov.projects.domain.project.BudgetLine("硬件", Money.yuan("0.5"), true),
                        new cn.egov.projects.domain.project.BudgetLine("软件", Money.yuan("12345678901.23"),
                                false)), null);
        Project p = Project.draft(cn.egov.projects.domain.project.ProjectId.random(), newUnit(), profile,
                Lifecycles.PACK.id(), java.time.LocalDate.of(2025, 8, 1));
        p.markSaved(1);
        return p;
    }

    private static List<UUID> deadlineIds(Connection c, Project p) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM deadline WHERE project_id = ? ORDER BY seq")) {
            ps.setObject(1, p.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /**
     * The contact columns, decrypted: the first start after V26 has encrypted every mobile number and e-mail address
     * (the columns and the document hold no plaintext contact any more).
     */
    private static List<String> contacts(Connection c, Project p) throws SQLException {
        List<cn.egov.projects.persistence.crypto.FieldCipher.Field> fields = java.util.Arrays.asList(null,
                cn.egov.projects.persistence.project.ProjectRow.LEADER_MOBILE,
                cn.egov.projects.persistence.project.ProjectRow.LEADER_EMAIL, null,
                cn.egov.projects.persistence.project.ProjectRow.RESPONSIBLE_MOBILE,
                cn.egov.projects.persistence.project.ProjectRow.RESPONSIBLE_EMAIL);
        var cipher = cn.egov.projects.persistence.crypto.FieldCipher.ephemeral();
        try (PreparedStatement ps = c.prepareStatement("SELECT leader_name, leader_mobile, leader_email,"
                + " responsible_name, responsible_mobile, responsible_email, document FROM project WHERE id = ?")) {
            ps.setObject(1, p.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                List<String> out = new ArrayList<>();
                String document = rs.getString(7);
                for (int i = 1; i <= 6; i++) {
                    String stored = rs.getString(i);
                    if (fields.get(i - 1) == null || stored == null) {
                        out.add(stored);
                        continue;
                    }
                    assertThat(stored).startsWith("sm4gcm:v1:k1:");
                    String plain = cipher.decrypt(fields.get(i - 1), p.id().value().toString(), stored);
                    assertThat(document).doesNotContain(plain);
                    out.add(plain);
                }
                return out;
            }
        }
    }

    private static List<String> expectedContacts(Project p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Person person = p.profile().people() == null ? null
                    : i == 0 ? p.profile().people().leader() : p.profile().people().responsible();
            out.add(person == null ? null : person.name());
            out.add(person == null ? null : person.mobile());
            out.add(person == null ? null : person.email());
        }
        return out;
    }

    // ---------------------------------------------------------------- the tables of schema version 13

    /** Writes a project as the adapter of schema version 13 stored it: its row and every child table. */
    private static void writeAsVersion13(Connection c, Project.Snapshot s) throws SQLException {
        UUID id = s.id().value();
        ProjectProfile p = s.profile();
        insert(c, "project", "id, unit, policy_id, version, name, plan_year, category, nature, service_kind,"
                        + " supervised_project, software_development, funding_source, classified, uses_cryptography,"
                        + " total_investment, state, suspended_from, created_on, declared_on, supplementary,"
                        + " supplementary_requirement, supplementary_feasibility_study, higher_level_reported_on,"
                        + " no_procurement_reason, substantive_start_on, trial_start_on, operating_from,"
                        + " acceptance_report_on, final_accounts_on, final_accounts_amount, maintenance_arrangement",
                id, s.unit().code(), s.policyId(), s.version(), p.name(), p.planYear(), p.category().name(),
                p.nature().name(), p.serviceKind() == null ? null : p.serviceKind().name(),
                p.supervisedProject() == null ? null : p.supervisedProject().value(), p.softwareDevelopment(),
                p.funding().name(), p.classified(), p.usesCryptography(), p.totalInvestment().toBigDecimal(),
                s.state().name(), s.suspendedFrom() == null ? null : s.suspendedFrom().name(), s.createdOn(),
                s.declaredOn(), s.supplementary() != null,
                s.supplementary() == null ? null : s.supplementary().requirement(),
                s.supplementary() == null ? null : s.supplementary().feasibilityStudy(), s.higherLevelReportedOn(),
                s.noProcurementReason(), s.substantiveStartOn(), s.trialStartOn(), s.operatingFrom(),
                s.acceptanceReportOn(), s.finalAccountsOn(), amount(s.finalAccountsAmount()),
                s.maintenanceArrangement());
        for (int i = 0; i < p.budgetLines().size(); i++) {
            var line = p.budgetLines().get(i);
            insert(c, "project_budget_line", "project_id, seq, item, amount, supervision", id, i, line.item(),
                    amount(line.amount()), line.supervision());
        }
        items(c, "project_scope_item", "item", id, p.scopeItems());
        // version 13 kept a goal as a line of text: its indicator
        items(c, "project_performance_goal", "goal", id,
                p.performanceGoals().stream().map(PerformanceGoal::indicator).toList());
        if (p.people() != null) {
            for (var duty : List.of("LEADER", "RESPONSIBLE")) {
                Person person = duty.equals("LEADER") ? p.people().leader() : p.people().responsible();
                insert(c, "project_person", "project_id, duty, name, mobile, email", id, duty, person.name(),
                        person.mobile(), person.email());
            }
        }
        for (int i = 0; i < s.reviews().size(); i++) {
            ReviewOpinion r = s.reviews().get(i);
            insert(c, "project_review", "project_id, seq, reviewed_on, approved, opinion", id, i, r.on(),
                    r.approved(), r.opinion());
            nested(c, "project_review_expert", "review_seq", "name", id, i, r.experts());
        }
        if (s.funding() != null) {
            insert(c, "project_funding_opinion", "project_id, opinion_on, amount, opinion", id, s.funding().on(),
                    amount(s.funding().amount()), s.funding().opinion());
        }
        if (s.approval() != null) {
            insert(c, "project_government_approval", "project_id, approved_on, approved_budget, reference", id,
                    s.approval().on(), amount(s.approval().approvedBudget()), s.approval().reference());
        }
        if (s.plan() != null) {
            insert(c, "project_plan_inclusion", "project_id, included_on, plan_year, addition, reference", id,
                    s.plan().on(), s.plan().planYear(), s.plan().addition(), s.plan().reference());
        }
        if (s.implementationPlan() != null) {
            var plan = s.implementationPlan();
            insert(c, "project_implementation_plan", "project_id, submitted_on, budget, schedule", id,
                    plan.submittedOn(), amount(plan.budget()), plan.schedule());
            items(c, "project_implementation_scope_item", "item", id, plan.scopeItems());
        }
        for (int i = 0; i < s.preProcurementReviews().size(); i++) {
            var r = s.preProcurementReviews().get(i);
            insert(c, "project_pre_procurement_review", "project_id, seq, reviewed_on, passed, opinion", id, i,
                    r.on(), r.passed(), r.opinion());
        }
        for (int i = 0; i < s.contracts().size(); i++) {
            Contract k = s.contracts().get(i);
            insert(c, "project_contract", "project_id, seq, contract_number, supplier, amount, signed_on,"
                    + " warranty_end, filed_on", id, i, k.number(), k.supplier(), amount(k.amount()), k.signedOn(),
                    k.warrantyEnd(), k.filedOn());
        }
        for (int i = 0; i < s.progressReports().size(); i++) {
            var r = s.progressReports().get(i);
            insert(c, "project_progress_report", "project_id, seq, reported_on, percent_complete, summary", id, i,
                    r.on(), r.percentComplete(), r.summary());
        }
        for (int i = 0; i < s.changes().size(); i++) {
            ChangeRequest r = s.changes().get(i);
            insert(c, "project_change_request", "project_id, seq, id, requested_on, description, new_budget, status,"
                    + " decided_on, decision", id, i, r.id(), r.requestedOn(), r.description(),
                    amount(r.newBudget()), r.status() == null ? null : r.status().name(), r.decidedOn(), r.decision());
            nested(c, "project_change_scope_item", "change_seq", "item", id, i, r.newScopeItems());
        }
        for (int i = 0; i < s.situationReports().size(); i++) {
            var r = s.situationReports().get(i);
            insert(c, "project_situation_report", "project_id, seq, reported_on, kind, reason, to_bureau, to_finance",
                    id, i, r.on(), r.kind() == null ? null : r.kind().name(), r.reason(), r.toBureau(), r.toFinance());
        }
        for (int i = 0; i < s.securityReviews().size(); i++) {
            var r = s.securityReviews().get(i);
            insert(c, "project_security_review", "project_id, seq, reviewed_on, kind, passed, opinion", id, i,
                    r.on(), r.kind() == null ? null : r.kind().name(), r.passed(), r.opinion());
        }
        if (s.selfInspection() != null) {
            var r = s.selfInspection();
            insert(c, "project_self_inspection", "project_id, inspected_on, content_completion, resource_catalogue,"
                    + " performance_goals", id, r.on(), r.contentCompletion(), r.resourceCatalogue(),
                    r.performanceGoals());
        }
        for (int i = 0; i < s.acceptances().size(); i++) {
            Acceptance a = s.acceptances().get(i);
            insert(c, "project_acceptance", "project_id, seq, held_on, passed, conclusion, late", id, i, a.heldOn(),
                    a.passed(), a.conclusion(), a.late());
            nested(c, "project_acceptance_expert", "acceptance_seq", "name", id, i, a.experts());
            nested(c, "project_acceptance_document", "acceptance_seq", "name", id, i, a.documents());
        }
        if (s.termination() != null) {
            var t = s.termination();
            insert(c, "project_termination", "project_id, terminated_on, reason, notice, funds_recovered_on,"
                    + " funds_recovered", id, t.on(), t.reason(), t.notice(), t.fundsRecoveredOn(),
                    amount(t.fundsRecovered()));
        }
        for (int i = 0; i < s.deadlines().size(); i++) {
            Deadline d = s.deadlines().get(i);
            insert(c, "deadline", "id, project_id, seq, kind, ref, start_date, due_date, provisional, met_on,"
                    + " waived_reason, is_open", d.id(), id, i, d.kind().name(), d.ref(), d.start(), d.due(),
                    d.provisional(), d.metOn(), d.waivedReason(), d.isOpen());
        }
    }

    private static Object amount(Money money) {
        return money == null ? null : money.toBigDecimal();
    }

    private static void items(Connection c, String table, String column, UUID id, List<String> items)
            throws SQLException {
        for (int i = 0; i < items.size(); i++) {
            insert(c, table, "project_id, seq, " + column, id, i, items.get(i));
        }
    }

    private static void nested(Connection c, String table, String parentColumn, String column, UUID id, int parent,
                               List<String> items) throws SQLException {
        for (int i = 0; i < items.size(); i++) {
            insert(c, table, "project_id, " + parentColumn + ", seq, " + column, id, parent, i, items.get(i));
        }
    }

    private static void insert(Connection c, String table, String columns, Object... values) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
