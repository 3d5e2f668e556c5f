package cn.egov.projects.persistence;

import org.apache.ibatis.plugin.Interceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The base of every contract test: one database per test class, on H2 or PostgreSQL as the concrete subclass
 * says, opened through the real {@link Database} (Flyway migrations included) with the real adapters over it.
 * The tests of a class share the database, so each one works on data of its own (fresh ids and unit codes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceContractTest {

    protected TestDatabase testDatabase;
    protected Database database;
    protected PersistenceAdapters adapters;

    /** A new, empty database of the kind the subclass tests. */
    protected abstract TestDatabase newTestDatabase();

    /** MyBatis plugins to open the database with (a statement counter, say); none by default. */
    protected List<Interceptor> plugins() {
        return List.of();
    }

    @BeforeAll
    void openDatabase() {
        testDatabase = newTestDatabase();
        database = Database.open(testDatabase.settings(), plugins());
        adapters = new PersistenceAdapters(database);
    }

    @AfterAll
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    /** A new H2 database already at this release's schema (copied from one migrated once per test JVM). */
    protected static TestDatabase h2() {
        return H2TestDatabase.migrated();
    }

    /** A new, empty H2 database (for the tests of the migrations). */
    protected static TestDatabase emptyH2() {
        return new H2TestDatabase();
    }

    /** A new, empty PostgreSQL database (for the tests of the migrations). */
    protected static TestDatabase emptyPostgreSql() {
        return PostgresServer.get().newDatabase();
    }

    /** A new, empty database of the kind under test (for the tests of the migrations). */
    protected TestDatabase newEmptyTestDatabase() {
        return testDatabase.isPostgreSql() ? emptyPostgreSql() : emptyH2();
    }

    /** A new PostgreSQL database already at this release's schema (made from a migrated template database). */
    protected static TestDatabase postgreSql() {
        return PostgresServer.get().newMigratedDatabase();
    }

    /** A number read with plain JDBC, bypassing the adapters. */
    protected long queryLong(String sql, Object... params) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
