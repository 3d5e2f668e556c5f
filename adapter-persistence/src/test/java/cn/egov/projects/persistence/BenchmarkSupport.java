package cn.egov.projects.persistence;

import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.Configuration;

import java.util.List;

/**
 * What the benchmarks ({@code cn.egov.projects.persistence.bench}, test sources) need of this package beyond its
 * public API: the database with a statement counter, the adapters with the per-table baseline, the mapped SQL.
 */
public final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    /** Opens (and migrates) the database with MyBatis plugins. */
    public static Database open(DatabaseSettings settings, List<Interceptor> plugins) {
        return Database.open(settings, plugins);
    }

    /**
     * The adapters over the database, reading and writing projects incrementally (the default) or — with
     * {@code perTable} — one statement per child table on load and every child table rewritten on update, as
     * before issue 3's optimisation.
     */
    public static PersistenceAdapters adapters(Database database, boolean perTable) {
        return new PersistenceAdapters(database, perTable ? ProjectPersistenceAdapter.Strategy.PER_TABLE
                : ProjectPersistenceAdapter.Strategy.INCREMENTAL);
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
