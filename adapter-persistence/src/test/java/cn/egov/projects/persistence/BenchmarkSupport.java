package cn.egov.projects.persistence;

import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.Configuration;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.List;

/**
 * What the benchmarks ({@code cn.egov.projects.persistence.bench}, test sources) need of this package beyond its
 * public API: the database with a statement counter, the mapped SQL.
 */
public final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    /** Opens (and migrates) the database with MyBatis plugins. */
    public static Database open(DatabaseSettings settings, List<Interceptor> plugins) {
        return Database.open(settings, plugins);
    }

    /**
     * Migrates the database only up to {@code version} (an older schema, for data written as an older release
     * wrote it) and returns plain connections to it.
     */
    public static DataSource migratedTo(DatabaseSettings settings, String version) {
        String vendor = settings.isPostgreSql() ? "postgresql" : "h2";
        Flyway.configure(BenchmarkSupport.class.getClassLoader())
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(version)
                .load()
                .migrate();
        return new UnpooledDataSource(settings.isPostgreSql() ? "org.postgresql.Driver" : "org.h2.Driver",
                settings.url(), settings.user(), settings.password());
    }

    /** The MyBatis configuration of the database: its mapped statements and their SQL. */
    public static Configuration myBatis(Database database) {
        return database.sessions().configuration();
    }

    /** A plugin that records, per thread, the statements run. */
    public static StatementCounter statementCounter() {
        return new StatementCounter();
    }
}
