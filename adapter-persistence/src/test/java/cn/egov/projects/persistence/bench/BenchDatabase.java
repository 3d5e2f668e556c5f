package cn.egov.projects.persistence.bench;

import cn.egov.projects.persistence.DatabaseSettings;
import cn.egov.projects.persistence.TestDirs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a benchmark's data lives, kept between runs under {@code target/bench/}: an embedded PostgreSQL server with
 * its data directory there (or an external server named by {@code EGOV_BENCH_PG_URL}, {@code EGOV_BENCH_PG_USER},
 * {@code EGOV_BENCH_PG_PASSWORD}), or an H2 file database there.
 */
abstract class BenchDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchDatabase.class);

    /** The server settings of the embedded PostgreSQL: durable (fsync, synchronous commit, full-page writes). */
    static final Map<String, String> POSTGRES_CONFIG = new LinkedHashMap<>();

    static {
        // zonky turns synchronous_commit off by default: the benchmark measures durable commits
        POSTGRES_CONFIG.put("fsync", "on");
        POSTGRES_CONFIG.put("synchronous_commit", "on");
        POSTGRES_CONFIG.put("full_page_writes", "on");
        POSTGRES_CONFIG.put("shared_buffers", "4GB");
        // checkpoints far apart: fewer full-page images in the WAL (crash recovery takes longer, nothing is less durable)
        POSTGRES_CONFIG.put("max_wal_size", "16GB");
        POSTGRES_CONFIG.put("checkpoint_timeout", "30min");
        POSTGRES_CONFIG.put("max_connections", "100");
        // more settings from -Dbench.pg.config=name=value;name=value (e.g. synchronous_commit=off for comparison)
        for (String setting : System.getProperty("bench.pg.config", "").split(";")) {
            int eq = setting.indexOf('=');
            if (eq > 0) {
                POSTGRES_CONFIG.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
            }
        }
    }

    /** H2's page cache in the benchmark, in KB (1 GB). */
    static final int H2_CACHE_KB = 1024 * 1024;

    abstract String label();

    abstract boolean isPostgreSql();

    /** Whether the server runs on this machine under the benchmark's control (its CPU time can be read). */
    boolean isEmbedded() {
        return false;
    }

    abstract DatabaseSettings settings();

    /** Throws the database away and makes a new, empty one (before seeding anew). */
    abstract void recreate();

    @Override
    public abstract void close();

    // ---------------------------------------------------------------- H2

    static BenchDatabase h2(Path dir) {
        return new BenchDatabase() {
            @Override
            String label() {
                return "H2";
            }

            @Override
            boolean isPostgreSql() {
                return false;
            }

            @Override
            DatabaseSettings settings() {
                DatabaseSettings embedded = DatabaseSettings.embeddedH2(dir);
                // like PostgreSQL's shared_buffers: a page cache that holds the seeded data (the default is 64 MB)
                return new DatabaseSettings(embedded.url() + ";CACHE_SIZE=" + H2_CACHE_KB, embedded.user(),
                        embedded.password());
            }

            @Override
            void recreate() {
                TestDirs.deleteRecursively(dir);
            }

            @Override
            public void close() {
                // the file database closes with its last connection
            }
        };
    }

    // ---------------------------------------------------------------- PostgreSQL

    static BenchDatabase postgreSql(Path dataDir) {
        String external = System.getenv("EGOV_BENCH_PG_URL");
        if (external != null && !external.isBlank()) {
            String user = envOr("EGOV_BENCH_PG_USER", "postgres");
            String password = envOr("EGOV_BENCH_PG_PASSWORD", "");
            LOG.info("benchmarking the external PostgreSQL at {}", external.replaceAll("\\?.*", ""));
            return new BenchDatabase() {
                @Override
                String label() {
                    return "PostgreSQL (external)";
                }

                @Override
                boolean isPostgreSql() {
                    return true;
                }

                @Override
                DatabaseSettings settings() {
                    return new DatabaseSettings(external, user, password);
                }

                @Override
                void recreate() {
                    try (Connection c = DriverManager.getConnection(external, user, password);
                         Statement s = c.createStatement()) {
                        s.execute("DROP SCHEMA public CASCADE");
                        s.execute("CREATE SCHEMA public");
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot empty the external database: " + e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    // not ours to stop
                }
            };
        }
        EmbeddedPostgres pg = startEmbedded(dataDir);
        String base = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
        admin(base, "SELECT 1");
        if (!exists(base)) {
            admin(base, "CREATE DATABASE egov_bench");
        }
        return new BenchDatabase() {
            @Override
            String label() {
                return "PostgreSQL (embedded)";
            }

            @Override
            boolean isEmbedded() {
                return true;
            }

            @Override
            boolean isPostgreSql() {
                return true;
            }

            @Override
            DatabaseSettings settings() {
                return new DatabaseSettings(base + "egov_bench", "postgres", "postgres");
            }

            @Override
            void recreate() {
                admin(base, "DROP DATABASE IF EXISTS egov_bench WITH (FORCE)");
                admin(base, "CREATE DATABASE egov_bench");
            }

            @Override
            public void close() {
                try {
                    pg.close();
                } catch (IOException e) {
                    LOG.warn("could not stop the embedded PostgreSQL: {}", e.getMessage());
                }
            }
        };
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(120));
            POSTGRES_CONFIG.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            LOG.info("embedded PostgreSQL on port {} with its data in {}", pg.getPort(), dataDir);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    private static boolean exists(String base) {
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'egov_bench'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String base, String sql) {
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
