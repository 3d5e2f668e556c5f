package cn.egov.projects.persistence.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds projects set-based, a chunk of project numbers {@code n} per statement: {@code generate_series} on
 * PostgreSQL, {@code SYSTEM_RANGE} on H2. Every value derives from {@code n}, so each child table's statement finds
 * its project's id again ({@code md5('p' || n)} as a UUID, the same on both databases), and a second run seeds the
 * same data.
 *
 * <p>What a project holds follows its state, which {@code n mod 20} picks: 5% drafts (half of them without
 * accountable people yet, with the window-closing deadline open), 15% declared, under review or rejected, 10%
 * planned (plan and start deadlines open), 10% implementing or in procurement, 25% contracted (progress report
 * open), 10% on trial (acceptance limit open), 10% operating (final accounts open), 10% closed and 5% terminated;
 * each with the budget line, content, goal, people, reviews with three experts, funding opinion, approval, plan
 * inclusion, implementation plan, pre-procurement review, contract, progress report, self-inspection, acceptance and
 * termination its state implies. Open deadlines fall due between 2025-06-01 and 2026-06-30; met and waived ones lie
 * in the past, a tenth of them met late. Altogether about 19 rows per project, 3.45 deadlines per project, 0.8 of
 * them open.
 */
final class Seeder {

    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);

    /** Raised whenever what is seeded changes, so that a kept database is seeded again. */
    static final int SEED_VERSION = 3;

    private static final int CHUNK = 100_000;

    private final boolean postgreSql;
    private final String policyId;

    Seeder(boolean postgreSql, String policyId) {
        this.postgreSql = postgreSql;
        this.policyId = policyId;
    }

    /** The number of projects seeded in the database at {@link #SEED_VERSION}, or -1 when it is not seeded. */
    static int seededProjects(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT projects FROM bench_seed WHERE seed_version = "
                    + SEED_VERSION)) {
                return rs.next() ? rs.getInt(1) : -1;
            } catch (SQLException noTable) {
                return -1;
            }
        }
    }

    void seed(DataSource dataSource, int projects) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (int lo = 1; lo <= projects; lo += CHUNK) {
                int hi = Math.min(projects, lo + CHUNK - 1);
                for (String sql : chunk(lo, hi)) {
                    s.executeUpdate(sql);
                }
                LOG.info("seeded projects {}..{} of {} ({} s)", lo, hi, projects,
                        (System.nanoTime() - started) / 1_000_000_000);
            }
            s.execute(postgreSql ? "VACUUM ANALYZE" : "ANALYZE");
            s.execute("CREATE TABLE IF NOT EXISTS bench_seed (projects INTEGER NOT NULL, seed_version INTEGER NOT NULL)");
            s.execute("DELETE FROM bench_seed");
            s.execute("INSERT INTO bench_seed (projects, seed_version) VALUES (" + projects + ", " + SEED_VERSION + ")");
            if (postgreSql) {
                s.execute("CHECKPOINT");
            }
        }
        LOG.info("seeded {} projects in {} s", projects, (System.nanoTime() - started) / 1_000_000_000);
    }

    // ---------------------------------------------------------------- SQL

    private String range(int lo, int hi) {
        return postgreSql ? "generate_series(" + lo + ", " + hi + ") AS g(n)" : "SYSTEM_RANGE(" + lo + ", " + hi + ") AS g(n)";
    }

    /** A UUID derived from a text: the same value on both databases. */
    private String uuid(String textExpression) {
        return postgreSql ? "CAST(md5(" + textExpression + ") AS UUID)"
                : "CAST(HASH('MD5', " + textExpression + ") AS UUID)";
    }

    private String projectId() {
        return uuid("'p' || n");
    }

    private static String plusDays(String date, String days) {
        return "(" + date + " + CAST(" + days + " AS INTEGER))";
    }

    private static final String BUCKET = "MOD(n, 20)";
    private static final String CREATED = plusDays("DATE '2018-07-01'", "MOD(n, 7) * 365 + MOD(n, 61)");
    private static final String TOTAL = "CAST(100000 + MOD(n, 600) * 1000 AS NUMERIC(16,2))";

    /**
     * The bits of {@code project.child_parts} (part n at bit n - 1, as in {@code ChildRows}) for what the statements
     * below insert for a project of each bucket.
     */
    private static final String CHILD_PARTS = "(1 + 2 + 4"
            + " + CASE WHEN MOD(n, 40) <> 0 THEN 8 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " >= 3 THEN 16 + 32 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " >= 4 THEN 64 + 128 + 256 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " >= 6 THEN 512 + 1024 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " BETWEEN 7 AND 18 THEN 2048 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " BETWEEN 8 AND 18 THEN 4096 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " BETWEEN 13 AND 18 THEN 8192 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " BETWEEN 15 AND 18 THEN 262144 + 524288 + 1048576 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " = 19 THEN 4194304 ELSE 0 END"
            + " + CASE WHEN " + BUCKET + " = 0 OR " + BUCKET + " >= 4 THEN 8388608 ELSE 0 END)";

    private static String inBuckets(int from, int to) {
        return BUCKET + " BETWEEN " + from + " AND " + to;
    }

    private String insert(String table, String columns, String values, int lo, int hi, String where) {
        return "INSERT INTO " + table + " (" + columns + ") SELECT " + values + " FROM " + range(lo, hi)
                + (where == null ? "" : " WHERE " + where);
    }

    private List<String> chunk(int lo, int hi) {
        List<String> sql = new ArrayList<>();
        String id = projectId();
        sql.add(insert("project", "id, unit, policy_id, version, name, plan_year, category, nature, service_kind,"
                        + " supervised_project, software_development, funding_source, classified, uses_cryptography,"
                        + " total_investment, state, created_on, declared_on, supplementary, substantive_start_on,"
                        + " trial_start_on, operating_from, acceptance_report_on, final_accounts_on,"
                        + " final_accounts_amount, maintenance_arrangement, child_parts",
                id + ", 'BU' || LPAD(CAST(MOD(n, 200) AS VARCHAR), 3, '0'), '" + policyId + "', 1,"
                        + " '太仓市电子政务项目' || n, 2019 + MOD(n, 7),"
                        + " CASE MOD(n, 5) WHEN 0 THEN 'BUSINESS_SYSTEM' WHEN 1 THEN 'RESOURCE_CATALOGUE'"
                        + " WHEN 2 THEN 'SECURITY_SYSTEM' WHEN 3 THEN 'STANDARDS_SUPPORT' ELSE 'NETWORK_DATA_CENTRE' END,"
                        + " CASE MOD(n, 3) WHEN 0 THEN 'NEW' WHEN 1 THEN 'CONTINUATION' ELSE 'OPERATIONS' END,"
                        + " NULL, NULL, MOD(n, 2) = 0, 'MUNICIPAL', MOD(n, 50) = 0, FALSE, " + TOTAL + ","
                        + " CASE " + BUCKET + " WHEN 0 THEN 'DRAFT' WHEN 1 THEN 'DECLARED' WHEN 2 THEN 'UNDER_REVIEW'"
                        + " WHEN 3 THEN 'REJECTED' WHEN 4 THEN 'PLANNED' WHEN 5 THEN 'PLANNED' WHEN 6 THEN 'IMPLEMENTING'"
                        + " WHEN 7 THEN 'PROCUREMENT' WHEN 13 THEN 'TRIAL_RUN' WHEN 14 THEN 'TRIAL_RUN'"
                        + " WHEN 15 THEN 'OPERATING' WHEN 16 THEN 'OPERATING' WHEN 17 THEN 'CLOSED' WHEN 18 THEN 'CLOSED'"
                        + " WHEN 19 THEN 'TERMINATED' ELSE 'CONTRACTED' END, "
                        + CREATED + ","
                        + " CASE WHEN " + BUCKET + " >= 1 THEN " + plusDays(CREATED, "60") + " END, FALSE,"
                        + " CASE WHEN " + inBuckets(8, 18) + " THEN " + plusDays(CREATED, "250") + " END,"
                        + " CASE WHEN " + inBuckets(13, 18) + " THEN " + plusDays(CREATED, "500") + " END,"
                        + " CASE WHEN " + inBuckets(15, 18) + " THEN " + plusDays(CREATED, "700") + " END,"
                        + " CASE WHEN " + inBuckets(17, 18) + " THEN " + plusDays(CREATED, "720") + " END,"
                        + " CASE WHEN " + inBuckets(17, 18) + " THEN " + plusDays(CREATED, "800") + " END,"
                        + " CASE WHEN " + inBuckets(17, 18) + " THEN " + TOTAL + " END,"
                        + " CASE WHEN " + inBuckets(15, 18) + " THEN '由本单位信息科负责运维' END, "
                        + CHILD_PARTS,
                lo, hi, null));
        sql.add(insert("project_budget_line", "project_id, seq, item, amount, supervision",
                id + ", 0, '平台软件开发', " + TOTAL + ", FALSE", lo, hi, null));
        sql.add(insert("project_scope_item", "project_id, seq, item", id + ", 0, '平台软件开发'", lo, hi, null));
        sql.add(insert("project_performance_goal", "project_id, seq, goal", id + ", 0, '办件时间缩短30%'", lo, hi,
                null));
        String withPeople = "MOD(n, 40) <> 0";
        sql.add(insert("project_person", "project_id, duty, name, mobile, email",
                id + ", 'LEADER', '周建国', '139' || LPAD(CAST(MOD(n, 100000000) AS VARCHAR), 8, '0'),"
                        + " 'leader' || n || '@taicang.gov.cn'", lo, hi, withPeople));
        sql.add(insert("project_person", "project_id, duty, name, mobile, email",
                id + ", 'RESPONSIBLE', '吴晓梅', '138' || LPAD(CAST(MOD(n, 100000000) AS VARCHAR), 8, '0'),"
                        + " 'owner' || n || '@taicang.gov.cn'", lo, hi, withPeople));
        sql.add(insert("project_review", "project_id, seq, reviewed_on, approved, opinion",
                id + ", 0, " + plusDays(CREATED, "90") + ", " + BUCKET + " <> 3,"
                        + " CASE WHEN " + BUCKET + " = 3 THEN '建设必要性不足' ELSE '同意立项' END",
                lo, hi, BUCKET + " >= 3"));
        String[] experts = {"张明", "李华", "王芳"};
        for (int e = 0; e < experts.length; e++) {
            sql.add(insert("project_review_expert", "project_id, review_seq, seq, name",
                    id + ", 0, " + e + ", '" + experts[e] + "'", lo, hi, BUCKET + " >= 3"));
        }
        sql.add(insert("project_funding_opinion", "project_id, opinion_on, amount, opinion",
                id + ", " + plusDays(CREATED, "120") + ", " + TOTAL + ", '建议安排'", lo, hi, BUCKET + " >= 4"));
        sql.add(insert("project_government_approval", "project_id, approved_on, approved_budget, reference",
                id + ", " + plusDays(CREATED, "150") + ", " + TOTAL + ", '市政府常务会议纪要'", lo, hi,
                BUCKET + " >= 4"));
        sql.add(insert("project_plan_inclusion", "project_id, included_on, plan_year, addition, reference",
                id + ", " + plusDays(CREATED, "180") + ", 2019 + MOD(n, 7), FALSE, '太政办〔年度计划〕'", lo, hi,
                BUCKET + " >= 4"));
        sql.add(insert("project_implementation_plan", "project_id, submitted_on, budget, schedule",
                id + ", " + plusDays(CREATED, "200") + ", " + TOTAL + ", '按季度推进'", lo, hi, BUCKET + " >= 6"));
        sql.add(insert("project_implementation_scope_item", "project_id, seq, item", id + ", 0, '平台软件开发'", lo,
                hi, BUCKET + " >= 6"));
        sql.add(insert("project_pre_procurement_review", "project_id, seq, reviewed_on, passed, opinion",
                id + ", 0, " + plusDays(CREATED, "220") + ", TRUE, '同意采购'", lo, hi, inBuckets(7, 18)));
        sql.add(insert("project_contract", "project_id, seq, contract_number, supplier, amount, signed_on,"
                        + " warranty_end, filed_on",
                id + ", 0, 'HT-' || n, '苏州某信息技术有限公司', " + TOTAL + ", " + plusDays(CREATED, "240") + ", "
                        + plusDays(CREATED, "1335") + ", " + plusDays(CREATED, "245"), lo, hi, inBuckets(8, 18)));
        sql.add(insert("project_progress_report", "project_id, seq, reported_on, percent_complete, summary",
                id + ", 0, " + plusDays(CREATED, "400") + ", 60, '完成主体开发'", lo, hi, inBuckets(13, 18)));
        sql.add(insert("project_self_inspection", "project_id, inspected_on, content_completion, resource_catalogue,"
                        + " performance_goals",
                id + ", " + plusDays(CREATED, "560") + ", '建设内容已全部完成', '资源目录已挂接', '绩效目标均已达成'",
                lo, hi, inBuckets(15, 18)));
        sql.add(insert("project_acceptance", "project_id, seq, held_on, passed, conclusion, late",
                id + ", 0, " + plusDays(CREATED, "600") + ", TRUE, '验收通过', FALSE", lo, hi, inBuckets(15, 18)));
        for (int e = 0; e < experts.length; e++) {
            sql.add(insert("project_acceptance_expert", "project_id, acceptance_seq, seq, name",
                    id + ", 0, " + e + ", '" + experts[e] + "'", lo, hi, inBuckets(15, 18)));
        }
        sql.add(insert("project_termination", "project_id, terminated_on, reason, notice, funds_recovered_on,"
                        + " funds_recovered",
                id + ", " + plusDays(CREATED, "400") + ", '上级项目取消', '关于终止项目的通报', NULL, NULL", lo, hi,
                BUCKET + " = 19"));

        // deadlines: kind k at seq k (drafts: the window-closing reminder at seq 0)
        sql.add(deadline(lo, hi, 0, "WINDOW_CLOSING", "0 = 0", "1 = 0", "1 = 0", BUCKET + " = 0"));
        sql.add(deadline(lo, hi, 0, "IMPL_PLAN", inBuckets(4, 5), BUCKET + " >= 6", "1 = 0", BUCKET + " >= 4"));
        sql.add(deadline(lo, hi, 1, "SUBSTANTIVE_START", inBuckets(4, 7), inBuckets(8, 18), BUCKET + " = 19",
                BUCKET + " >= 4"));
        sql.add(deadline(lo, hi, 2, "CONTRACT_FILING", "1 = 0", "0 = 0", "1 = 0", inBuckets(8, 18)));
        sql.add(deadline(lo, hi, 3, "PROGRESS_REPORT", inBuckets(8, 12), inBuckets(13, 18), "1 = 0",
                inBuckets(8, 18)));
        sql.add(deadline(lo, hi, 4, "ACCEPTANCE_LIMIT", inBuckets(13, 14), inBuckets(15, 18), "1 = 0",
                inBuckets(13, 18)));
        sql.add(deadline(lo, hi, 5, "ACCEPTANCE_REPORT", "1 = 0", "0 = 0", "1 = 0", inBuckets(15, 18)));
        sql.add(deadline(lo, hi, 6, "FINAL_ACCOUNTS", inBuckets(15, 16), inBuckets(17, 18), "1 = 0",
                inBuckets(15, 18)));
        return sql;
    }

    /**
     * The deadline of kind {@code kind} at {@code seq} for the projects {@code where} selects: open where
     * {@code open} holds (due 2025-06-01 … 2026-06-30), met where {@code met} holds (a tenth late), waived where
     * {@code waived} holds.
     */
    private String deadline(int lo, int hi, int seq, String kind, String open, String met, String waived,
                            String where) {
        String openDue = plusDays("DATE '2025-06-01'", "MOD(n * 37 + " + (seq * 101) + ", 395)");
        String pastStart = plusDays(CREATED, String.valueOf(100 * seq + 30));
        String pastDue = plusDays(CREATED, String.valueOf(100 * seq + 60));
        String metOn = "CASE WHEN MOD(n, 10) = 0 THEN " + plusDays(pastDue, "3") + " ELSE "
                + plusDays(pastDue, "-MOD(n, 5)") + " END";
        return insert("deadline", "id, project_id, seq, kind, ref, start_date, due_date, provisional, met_on,"
                        + " waived_reason, is_open",
                uuid("'d' || n || '-" + seq + "'") + ", " + projectId() + ", " + seq + ", '" + kind + "', "
                        + ("CONTRACT_FILING".equals(kind) ? "'HT-' || n" : "NULL") + ","
                        + " CASE WHEN " + open + " THEN " + plusDays(openDue, "-30") + " ELSE " + pastStart + " END,"
                        + " CASE WHEN " + open + " THEN " + openDue + " ELSE " + pastDue + " END, FALSE,"
                        + " CASE WHEN " + met + " THEN " + metOn + " END,"
                        + " CASE WHEN " + waived + " THEN '经研究同意豁免' END,"
                        + " CASE WHEN " + open + " THEN TRUE ELSE FALSE END",
                lo, hi, where);
    }
}
