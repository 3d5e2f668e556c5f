package cn.egov.projects.persistence.bench;

import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.view.DueCursor;
import cn.egov.projects.application.view.DueDeadline;
import cn.egov.projects.persistence.BenchmarkSupport;
import cn.egov.projects.persistence.Database;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Every open deadline due on or before a date, with its project and people" through {@code DueDeadlinesPort}:
 * the day is chosen so that about 10,000 open deadlines are due; the first page (50) and a full keyset scan (pages
 * of 1,000, and of 10,000, the largest the port admits) are timed after a warm-up, and the database's plans of the
 * statement are shown.
 */
final class DueQueryBenchmark {

    static final int TARGET_DUE = 10_000;
    static final int FIRST_PAGE = 50;
    static final int SCAN_PAGE = 1_000;
    /** The largest page {@code DueDeadlinesPort} admits. */
    static final int LARGEST_PAGE = 10_000;
    private static final String STATEMENT = "cn.egov.projects.persistence.deadline.DueDeadlineDao.openDue";

    private final Database database;
    private final DueDeadlinesPort port;
    private final boolean postgreSql;
    private final Report report;

    DueQueryBenchmark(Database database, DueDeadlinesPort port, boolean postgreSql, Report report) {
        this.database = database;
        this.port = port;
        this.postgreSql = postgreSql;
        this.report = report;
    }

    void run(int firstPageRuns, int scanRuns) throws SQLException {
        LocalDate day = dayWithAboutTenThousandDue();
        long due = count("SELECT COUNT(*) FROM deadline WHERE is_open = TRUE AND due_date <= DATE '" + day + "'");
        long open = count("SELECT COUNT(*) FROM deadline WHERE is_open = TRUE");
        long all = count("SELECT COUNT(*) FROM deadline");
        report.line("");
        report.line("Due-deadline query: %,d deadlines, %,d of them open; %,d open and due on or before %s.",
                all, open, due, day);

        for (int i = 0; i < Math.max(20, firstPageRuns / 5); i++) {
            port.openDueOnOrBefore(day, null, FIRST_PAGE);
        }
        long[] first = new long[firstPageRuns];
        for (int i = 0; i < firstPageRuns; i++) {
            long t0 = System.nanoTime();
            List<DueDeadline> page = port.openDueOnOrBefore(day, null, FIRST_PAGE);
            first[i] = System.nanoTime() - t0;
            if (page.size() != Math.min(FIRST_PAGE, due)) {
                throw new IllegalStateException("first page of " + page.size());
            }
        }
        Stats firstStats = Stats.ofNanos(first, first.length);

        report.line("");
        report.line("| measurement | runs | median ms | p95 ms | max ms | target |");
        report.line("|---|---:|---:|---:|---:|---|");
        report.line("| first page (%d rows) | %d | %s | %s | %s | < 50 ms |", FIRST_PAGE, firstPageRuns,
                Stats.ms(firstStats.median()), Stats.ms(firstStats.percentile(95)), Stats.ms(firstStats.max()));
        for (int pageSize : new int[] {SCAN_PAGE, LARGEST_PAGE}) {
            for (int i = 0; i < 3; i++) {
                scan(day, pageSize);
            }
            long[] scans = new long[scanRuns];
            int pages = 0;
            for (int i = 0; i < scanRuns; i++) {
                long t0 = System.nanoTime();
                int[] read = scan(day, pageSize);
                scans[i] = System.nanoTime() - t0;
                if (read[0] != due) {
                    throw new IllegalStateException("the scan read " + read[0] + " of " + due);
                }
                pages = read[1];
            }
            Stats scanStats = Stats.ofNanos(scans, scans.length);
            report.line("| full keyset scan (%,d rows, %d pages of %,d) | %d | %s | %s | %s | < 1 s |", due, pages,
                    pageSize, scanRuns, Stats.ms(scanStats.median()), Stats.ms(scanStats.percentile(95)),
                    Stats.ms(scanStats.max()));
        }

        List<DueDeadline> firstPage = port.openDueOnOrBefore(day, null, SCAN_PAGE);
        DueDeadline middle = firstPage.get(firstPage.size() - 1);
        report.line("");
        report.line("Plan of the first page (%s):", postgreSql ? "EXPLAIN (ANALYZE, BUFFERS)" : "EXPLAIN ANALYZE");
        report.block(plan(null, day, null, FIRST_PAGE));
        report.line("");
        report.line("A page of %d after the cursor (%s, %s) is two statements. Plan of the first, the rest of day %s:",
                SCAN_PAGE, middle.deadline().due(), middle.deadline().id(), middle.deadline().due());
        report.block(plan(middle.deadline().due(), middle.deadline().due(), middle.deadline().id(), SCAN_PAGE));
        report.line("");
        report.line("Plan of the second, the days after %s (when the first did not fill the page):",
                middle.deadline().due());
        report.block(plan(middle.deadline().due().plusDays(1), day, null, SCAN_PAGE));
    }

    /** Reads every due deadline page by page; returns {rows, pages}. */
    private int[] scan(LocalDate day, int pageSize) {
        DueCursor cursor = null;
        int rows = 0;
        int pages = 0;
        while (true) {
            List<DueDeadline> page = port.openDueOnOrBefore(day, cursor, pageSize);
            if (page.isEmpty()) {
                return new int[] {rows, pages};
            }
            pages++;
            rows += page.size();
            DueDeadline last = page.get(page.size() - 1);
            cursor = new DueCursor(last.deadline().due(), last.deadline().id());
            if (page.size() < pageSize) {
                return new int[] {rows, pages};
            }
        }
    }

    /** The latest day on which no more than about {@link #TARGET_DUE} open deadlines are due. */
    private LocalDate dayWithAboutTenThousandDue() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT due_date FROM deadline WHERE is_open = TRUE"
                     + " ORDER BY is_open, due_date, id LIMIT 1 OFFSET " + (TARGET_DUE - 1))) {
            if (!rs.next()) {
                throw new IllegalStateException("fewer than " + TARGET_DUE + " open deadlines");
            }
            LocalDate day = rs.getObject(1, LocalDate.class);
            long onOrBefore = count("SELECT COUNT(*) FROM deadline WHERE is_open = TRUE AND due_date <= DATE '"
                    + day + "'");
            return onOrBefore > TARGET_DUE * 11L / 10 ? day.minusDays(1) : day;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The plan of the mapper's own statement with these parameters, executed. */
    private String plan(LocalDate from, LocalDate to, UUID afterId, int limit) throws SQLException {
        MappedStatement statement = BenchmarkSupport.myBatis(database).getMappedStatement(STATEMENT);
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("afterId", afterId);
        params.put("limit", limit);
        BoundSql bound = statement.getBoundSql(params);
        String explain = postgreSql ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        StringBuilder text = new StringBuilder();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(explain + bound.getSql())) {
            List<ParameterMapping> mappings = bound.getParameterMappings();
            for (int i = 0; i < mappings.size(); i++) {
                Object value = params.get(mappings.get(i).getProperty());
                ps.setObject(i + 1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
        }
        return text.toString().stripTrailing();
    }
}
