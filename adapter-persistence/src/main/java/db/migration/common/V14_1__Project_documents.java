package db.migration.common;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * V14.1, for H2 and PostgreSQL alike: writes each project's document (format 1 of
 * {@code cn.egov.projects.persistence.project.ProjectDocuments}) and the contacts of its accountable people into its
 * row (V14 added the columns), from the project columns and the child tables, read here for the last time (V14.2
 * drops them).
 *
 * <p>The document is built as JSON straight from the rows, not through the domain: a migration must keep meaning
 * what it meant when it was released, whatever the domain's records become, and it must carry over every stored
 * project as it is, also one the domain would not accept (a later release upgrades format 1 on read). The member
 * names are those of {@code Project.Snapshot} and its records at format 1; absent members are nulls.
 *
 * <p>Projects are carried over a batch at a time, each child table read once per batch.
 */
public class V14_1__Project_documents extends BaseJavaMigration {

    private static final int BATCH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
        List<UUID> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM project ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        String update = "UPDATE project SET document = " + (h2 ? "? FORMAT JSON" : "CAST(? AS JSONB)")
                + ", leader_name = ?, leader_mobile = ?, leader_email = ?, responsible_name = ?,"
                + " responsible_mobile = ?, responsible_email = ? WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                for (Map.Entry<UUID, Carried> e : new Batch(c, batch).carry().entrySet()) {
                    Carried carried = e.getValue();
                    ps.setString(1, JSON.writeValueAsString(carried.document));
                    int i = 2;
                    for (String duty : List.of("LEADER", "RESPONSIBLE")) {
                        ObjectNode person = carried.people.get(duty);
                        for (String field : List.of("name", "mobile", "email")) {
                            ps.setString(i++, person == null || person.get(field) == null ? null
                                    : person.get(field).asText());
                        }
                    }
                    ps.setObject(8, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** A project's document and its people by duty. */
    private record Carried(ObjectNode document, Map<String, ObjectNode> people) {
    }

    /** The documents of a batch of projects. */
    private static final class Batch {
        private final Connection c;
        private final List<UUID> ids;
        private final String in;

        Batch(Connection c, List<UUID> ids) {
            this.c = c;
            this.ids = ids;
            this.in = "project_id IN (" + String.join(",", ids.stream().map(id -> "?").toList()) + ")";
        }

        Map<UUID, Carried> carry() throws SQLException {
            Map<UUID, Carried> out = new HashMap<>();
            Map<UUID, ObjectNode> profiles = new HashMap<>();
            String projects = "SELECT id, unit, policy_id, name, plan_year, category, nature, service_kind,"
                    + " supervised_project, software_development, funding_source, classified, uses_cryptography,"
                    + " state, suspended_from, created_on, declared_on, supplementary, supplementary_requirement,"
                    + " supplementary_feasibility_study, higher_level_reported_on, no_procurement_reason,"
                    + " substantive_start_on, trial_start_on, operating_from, acceptance_report_on, final_accounts_on,"
                    + " final_accounts_amount, maintenance_arrangement FROM project WHERE "
                    + in.replace("project_id", "id");
            query(projects, rs -> {
                UUID id = rs.getObject("id", UUID.class);
                ObjectNode d = JSON.createObjectNode();
                d.put("format", 1);
                d.put("id", id.toString());
                text(d, "unit", rs.getString("unit"));
                text(d, "policyId", rs.getString("policy_id"));
                ObjectNode profile = d.putObject("profile");
                text(profile, "name", rs.getString("name"));
                profile.put("planYear", rs.getInt("plan_year"));
                text(profile, "category", rs.getString("category"));
                text(profile, "nature", rs.getString("nature"));
                text(profile, "serviceKind", rs.getString("service_kind"));
                UUID supervised = rs.getObject("supervised_project", UUID.class);
                text(profile, "supervisedProject", supervised == null ? null : supervised.toString());
                profile.put("softwareDevelopment", rs.getBoolean("software_development"));
                text(profile, "funding", rs.getString("funding_source"));
                profile.put("classified", rs.getBoolean("classified"));
                profile.put("usesCryptography", rs.getBoolean("uses_cryptography"));
                profile.putArray("scopeItems");
                profile.putArray("performanceGoals");
                profile.putArray("budgetLines");
                profiles.put(id, profile);
                text(d, "state", rs.getString("state"));
                text(d, "suspendedFrom", rs.getString("suspended_from"));
                day(d, "createdOn", rs, "created_on");
                day(d, "declaredOn", rs, "declared_on");
                if (rs.getBoolean("supplementary")) {
                    ObjectNode s = d.putObject("supplementary");
                    text(s, "requirement", rs.getString("supplementary_requirement"));
                    text(s, "feasibilityStudy", rs.getString("supplementary_feasibility_study"));
                }
                day(d, "higherLevelReportedOn", rs, "higher_level_reported_on");
                d.putArray("reviews");
                d.putArray("preProcurementReviews");
                text(d, "noProcurementReason", rs.getString("no_procurement_reason"));
                day(d, "substantiveStartOn", rs, "substantive_start_on");
                d.putArray("contracts");
                d.putArray("progressReports");
                d.putArray("changes");
                d.putArray("situationReports");
                d.putArray("securityReviews");
                day(d, "trialStartOn", rs, "trial_start_on");
                d.putArray("acceptances");
                day(d, "operatingFrom", rs, "operating_from");
                day(d, "acceptanceReportOn", rs, "acceptance_report_on");
                day(d, "finalAccountsOn", rs, "final_accounts_on");
                amount(d, "finalAccountsAmount", rs, "final_accounts_amount");
                text(d, "maintenanceArrangement", rs.getString("maintenance_arrangement"));
                d.putArray("deadlines");
                out.put(id, new Carried(d, new HashMap<>()));
            });

            query("SELECT project_id, item, amount, supervision FROM project_budget_line WHERE " + in
                    + " ORDER BY project_id, seq", rs -> {
                ObjectNode line = ((ArrayNode) profiles.get(id(rs)).get("budgetLines")).addObject();
                text(line, "item", rs.getString("item"));
                amount(line, "amount", rs, "amount");
                line.put("supervision", rs.getBoolean("supervision"));
            });
            query("SELECT project_id, item FROM project_scope_item WHERE " + in + " ORDER BY project_id, seq",
                    rs -> ((ArrayNode) profiles.get(id(rs)).get("scopeItems")).add(rs.getString("item")));
            query("SELECT project_id, goal FROM project_performance_goal WHERE " + in + " ORDER BY project_id, seq",
                    rs -> ((ArrayNode) profiles.get(id(rs)).get("performanceGoals")).add(rs.getString("goal")));
            query("SELECT project_id, duty, name, mobile, email FROM project_person WHERE " + in, rs -> {
                ObjectNode person = JSON.createObjectNode();
                text(person, "name", rs.getString("name"));
                text(person, "mobile", rs.getString("mobile"));
                text(person, "email", rs.getString("email"));
                out.get(id(rs)).people.put(rs.getString("duty"), person);
            });
            for (Map.Entry<UUID, Carried> e : out.entrySet()) {
                Map<String, ObjectNode> people = e.getValue().people;
                if (people.containsKey("LEADER") && people.containsKey("RESPONSIBLE")) {
                    ObjectNode accountable = profiles.get(e.getKey()).putObject("people");
                    accountable.set("leader", people.get("LEADER"));
                    accountable.set("responsible", people.get("RESPONSIBLE"));
                }
            }

            Map<String, ObjectNode> reviews = new HashMap<>();
            query("SELECT project_id, seq, reviewed_on, approved, opinion FROM project_review WHERE " + in
                    + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "reviews").addObject();
                day(r, "on", rs, "reviewed_on");
                r.put("approved", rs.getBoolean("approved"));
                r.putArray("experts");
                text(r, "opinion", rs.getString("opinion"));
                reviews.put(id(rs) + "/" + rs.getInt("seq"), r);
            });
            query("SELECT project_id, review_seq, name FROM project_review_expert WHERE " + in
                    + " ORDER BY project_id, review_seq, seq", rs -> ((ArrayNode) reviews
                    .get(id(rs) + "/" + rs.getInt("review_seq")).get("experts")).add(rs.getString("name")));
            query("SELECT project_id, opinion_on, amount, opinion FROM project_funding_opinion WHERE " + in, rs -> {
                ObjectNode f = document(out, rs).putObject("funding");
                day(f, "on", rs, "opinion_on");
                amount(f, "amount", rs, "amount");
                text(f, "opinion", rs.getString("opinion"));
            });
            query("SELECT project_id, approved_on, approved_budget, reference FROM project_government_approval WHERE "
                    + in, rs -> {
                ObjectNode a = document(out, rs).putObject("approval");
                day(a, "on", rs, "approved_on");
                amount(a, "approvedBudget", rs, "approved_budget");
                text(a, "reference", rs.getString("reference"));
            });
            query("SELECT project_id, included_on, plan_year, addition, reference FROM project_plan_inclusion WHERE "
                    + in, rs -> {
                ObjectNode p = document(out, rs).putObject("plan");
                day(p, "on", rs, "included_on");
                p.put("planYear", rs.getInt("plan_year"));
                p.put("addition", rs.getBoolean("addition"));
                text(p, "reference", rs.getString("reference"));
            });
            query("SELECT project_id, submitted_on, budget, schedule FROM project_implementation_plan WHERE " + in,
                    rs -> {
                ObjectNode p = document(out, rs).putObject("implementationPlan");
                day(p, "submittedOn", rs, "submitted_on");
                p.putArray("scopeItems");
                amount(p, "budget", rs, "budget");
                text(p, "schedule", rs.getString("schedule"));
            });
            query("SELECT project_id, item FROM project_implementation_scope_item WHERE " + in
                    + " ORDER BY project_id, seq", rs -> ((ArrayNode) document(out, rs).get("implementationPlan")
                    .get("scopeItems")).add(rs.getString("item")));
            query("SELECT project_id, reviewed_on, passed, opinion FROM project_pre_procurement_review WHERE " + in
                    + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "preProcurementReviews").addObject();
                day(r, "on", rs, "reviewed_on");
                r.put("passed", rs.getBoolean("passed"));
                text(r, "opinion", rs.getString("opinion"));
            });
            query("SELECT project_id, contract_number, supplier, amount, signed_on, warranty_end, filed_on"
                    + " FROM project_contract WHERE " + in + " ORDER BY project_id, seq", rs -> {
                ObjectNode k = list(out, rs, "contracts").addObject();
                text(k, "number", rs.getString("contract_number"));
                text(k, "supplier", rs.getString("supplier"));
                amount(k, "amount", rs, "amount");
                day(k, "signedOn", rs, "signed_on");
                day(k, "warrantyEnd", rs, "warranty_end");
                day(k, "filedOn", rs, "filed_on");
            });
            query("SELECT project_id, reported_on, percent_complete, summary FROM project_progress_report WHERE "
                    + in + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "progressReports").addObject();
                day(r, "on", rs, "reported_on");
                r.put("percentComplete", rs.getInt("percent_complete"));
                text(r, "summary", rs.getString("summary"));
            });
            Map<String, ObjectNode> changes = new HashMap<>();
            query("SELECT project_id, seq, id, requested_on, description, new_budget, status, decided_on, decision"
                    + " FROM project_change_request WHERE " + in + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "changes").addObject();
                UUID changeId = rs.getObject("id", UUID.class);
                text(r, "id", changeId == null ? null : changeId.toString());
                day(r, "requestedOn", rs, "requested_on");
                text(r, "description", rs.getString("description"));
                r.putArray("newScopeItems");
                amount(r, "newBudget", rs, "new_budget");
                text(r, "status", rs.getString("status"));
                day(r, "decidedOn", rs, "decided_on");
                text(r, "decision", rs.getString("decision"));
                changes.put(id(rs) + "/" + rs.getInt("seq"), r);
            });
            query("SELECT project_id, change_seq, item FROM project_change_scope_item WHERE " + in
                    + " ORDER BY project_id, change_seq, seq", rs -> ((ArrayNode) changes
                    .get(id(rs) + "/" + rs.getInt("change_seq")).get("newScopeItems")).add(rs.getString("item")));
            query("SELECT project_id, reported_on, kind, reason, to_bureau, to_finance FROM project_situation_report"
                    + " WHERE " + in + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "situationReports").addObject();
                day(r, "on", rs, "reported_on");
                text(r, "kind", rs.getString("kind"));
                text(r, "reason", rs.getString("reason"));
                r.put("toBureau", rs.getBoolean("to_bureau"));
                r.put("toFinance", rs.getBoolean("to_finance"));
            });
            query("SELECT project_id, reviewed_on, kind, passed, opinion FROM project_security_review WHERE " + in
                    + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "securityReviews").addObject();
                day(r, "on", rs, "reviewed_on");
                text(r, "kind", rs.getString("kind"));
                r.put("passed", rs.getBoolean("passed"));
                text(r, "opinion", rs.getString("opinion"));
            });
            query("SELECT project_id, inspected_on, content_completion, resource_catalogue, performance_goals"
                    + " FROM project_self_inspection WHERE " + in, rs -> {
                ObjectNode r = document(out, rs).putObject("selfInspection");
                day(r, "on", rs, "inspected_on");
                text(r, "contentCompletion", rs.getString("content_completion"));
                text(r, "resourceCatalogue", rs.getString("resource_catalogue"));
                text(r, "performanceGoals", rs.getString("performance_goals"));
            });
            Map<String, ObjectNode> acceptances = new HashMap<>();
            query("SELECT project_id, seq, held_on, passed, conclusion, late FROM project_acceptance WHERE " + in
                    + " ORDER BY project_id, seq", rs -> {
                ObjectNode r = list(out, rs, "acceptances").addObject();
                day(r, "heldOn", rs, "held_on");
                r.put("passed", rs.getBoolean("passed"));
                r.putArray("experts");
                r.putArray("documents");
                text(r, "conclusion", rs.getString("conclusion"));
                r.put("late", rs.getBoolean("late"));
                acceptances.put(id(rs) + "/" + rs.getInt("seq"), r);
            });
            query("SELECT project_id, acceptance_seq, name FROM project_acceptance_expert WHERE " + in
                    + " ORDER BY project_id, acceptance_seq, seq", rs -> ((ArrayNode) acceptances
                    .get(id(rs) + "/" + rs.getInt("acceptance_seq")).get("experts")).add(rs.getString("name")));
            query("SELECT project_id, acceptance_seq, name FROM project_acceptance_document WHERE " + in
                    + " ORDER BY project_id, acceptance_seq, seq", rs -> ((ArrayNode) acceptances
                    .get(id(rs) + "/" + rs.getInt("acceptance_seq")).get("documents")).add(rs.getString("name")));
            query("SELECT project_id, terminated_on, reason, notice, funds_recovered_on, funds_recovered"
                    + " FROM project_termination WHERE " + in, rs -> {
                ObjectNode t = document(out, rs).putObject("termination");
                day(t, "on", rs, "terminated_on");
                text(t, "reason", rs.getString("reason"));
                text(t, "notice", rs.getString("notice"));
                day(t, "fundsRecoveredOn", rs, "funds_recovered_on");
                amount(t, "fundsRecovered", rs, "funds_recovered");
            });
            query("SELECT project_id, id, kind, ref, start_date, due_date, provisional, met_on, waived_reason"
                    + " FROM deadline WHERE " + in + " ORDER BY project_id, seq", rs -> {
                ObjectNode d = list(out, rs, "deadlines").addObject();
                d.put("id", rs.getObject("id", UUID.class).toString());
                text(d, "kind", rs.getString("kind"));
                text(d, "ref", rs.getString("ref"));
                day(d, "start", rs, "start_date");
                day(d, "due", rs, "due_date");
                d.put("provisional", rs.getBoolean("provisional"));
                day(d, "metOn", rs, "met_on");
                text(d, "waivedReason", rs.getString("waived_reason"));
            });
            return out;
        }

        private interface RowReader {
            void read(ResultSet rs) throws SQLException;
        }

        private void query(String sql, RowReader reader) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setObject(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static UUID id(ResultSet rs) throws SQLException {
        return rs.getObject("project_id", UUID.class);
    }

    private static ObjectNode document(Map<UUID, Carried> out, ResultSet rs) throws SQLException {
        return out.get(id(rs)).document;
    }

    private static ArrayNode list(Map<UUID, Carried> out, ResultSet rs, String member) throws SQLException {
        return (ArrayNode) document(out, rs).get(member);
    }

    private static void text(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
    }

    private static void day(ObjectNode node, String member, ResultSet rs, String column) throws SQLException {
        LocalDate day = rs.getObject(column, LocalDate.class);
        if (day != null) {
            node.put(member, day.toString());
        }
    }

    /** An amount as the document keeps it: the exact yuan as a string, two decimals as the column has them. */
    private static void amount(ObjectNode node, String member, ResultSet rs, String column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        if (amount != null) {
            node.put(member, amount.toPlainString());
        }
    }
}
