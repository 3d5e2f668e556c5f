package cn.egov.projects.persistence.bench;

import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.ReportProgressCommand;
import cn.egov.projects.application.service.ImplementationService;
import cn.egov.projects.application.service.Ports;
import cn.egov.projects.domain.access.Actor;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.calendar.WorkingDayCalendar;
import cn.egov.projects.domain.policy.PolicyHistory;
import cn.egov.projects.domain.policy.PolicyPacks;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.BenchmarkSupport;
import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.PersistenceAdapters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

public final class Probe {
    private static final Logger LOG = LoggerFactory.getLogger(Probe.class);
    private static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir"));
        try (BenchDatabase db = BenchDatabase.postgreSql(dir.resolve("pg-data"))) {
            Database database = BenchmarkSupport.open(db.settings(), List.of());
            List<UUID> ids = new ArrayList<>();
            List<UnitId> units = new ArrayList<>();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, unit FROM project WHERE state = 'CONTRACTED' LIMIT 8000")) {
                while (rs.next()) { ids.add(rs.getObject(1, UUID.class)); units.add(new UnitId(rs.getString(2))); }
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            PersistenceAdapters a = BenchmarkSupport.adapters(database, false);
            WorkingDayCalendar calendar = WorkingDayCalendar.official();
            PolicyHistory policies = PolicyHistory.of(PolicyPacks.taicang());
            Ports ports = new Ports(a.projects(), a.projects(), a.projects(), a.windows(), a.auditTrail(),
                    (x, y, z) -> { }, () -> NOW, () -> calendar, () -> policies, a.transactions());
            ImplementationService service = new ImplementationService(ports);
            for (int i = 0; i < 2000; i++) {
                service.reportProgress(new Caller(Actor.of("b", Role.UNIT_STAFF, units.get(i)), "r", "127.0.0.1"),
                        new ReportProgressCommand(new ProjectId(ids.get(i)), null, 50, "本季度完成接口联调与测试"));
            }
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_stat_statements_reset()");
            }
            var T = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] acc = new long[6];
            var calc = new cn.egov.projects.domain.deadline.DeadlineCalculator(PolicyPacks.taicang(),
                    new cn.egov.projects.domain.calendar.PeriodArithmetic(calendar));
            for (int i = 2000; i < 5000; i++) {
                UUID id = ids.get(i);
                long c0 = T.getCurrentThreadCpuTime();
                long[] m = new long[5];
                a.transactions().inTransaction(() -> {
                    long x0 = T.getCurrentThreadCpuTime();
                    cn.egov.projects.domain.project.Project p = a.projects().load(new ProjectId(id)).orElseThrow();
                    long x1 = T.getCurrentThreadCpuTime();
                    p.reportProgress(new cn.egov.projects.domain.project.ProgressReport(java.time.LocalDate.of(2025, 6, 2), 50, "x"), calc);
                    long x2 = T.getCurrentThreadCpuTime();
                    a.projects().update(p);
                    long x3 = T.getCurrentThreadCpuTime();
                    a.auditTrail().append(new cn.egov.projects.application.port.out.AuditRecord(NOW, "u", Role.UNIT_STAFF, "U", "REPORT_PROGRESS",
                            "第十六条", id.toString(), null, null, "r", "127.0.0.1", "报送进度报告"));
                    long x4 = T.getCurrentThreadCpuTime();
                    m[0] = x1 - x0; m[1] = x2 - x1; m[2] = x3 - x2; m[3] = x4 - x3; m[4] = x4;
                    return null;
                });
                long c1 = T.getCurrentThreadCpuTime();
                for (int k = 0; k < 4; k++) acc[k] += m[k];
                acc[4] += c1 - m[4];
                acc[5] += c1 - c0;
            }
            LOG.info("cpu us per op: load {} decide {} update {} audit {} commit+close {} total {}", acc[0] / 3000_000.0,
                    acc[1] / 3000_000.0, acc[2] / 3000_000.0, acc[3] / 3000_000.0, acc[4] / 3000_000.0, acc[5] / 3000_000.0);
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time::numeric / greatest(calls,1) * 1000) AS exec_us,"
                         + " round(total_plan_time::numeric / greatest(calls,1) * 1000) AS plan_us, plans, rows / greatest(calls,1) AS rows,"
                         + " wal_records / greatest(calls,1) AS walrec, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_statements"
                         + " ORDER BY total_exec_time DESC LIMIT 15")) {
                while (rs.next()) {
                    LOG.info("calls {} exec {} us plan {} us plans {} rows {} wal {} | {}", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7));
                }
            }
            database.close();
        }
    }
}
