package cn.egov.projects.notify;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The scheduler's SQL for the database the engine runs on, named once rather than detected (db-scheduler's
 * detection asks the database again for every client and scheduler, and warns about H2's time columns, which hold
 * the zone): PostgreSQL's own, the generic one for H2 — both as the detection would choose.
 */
record SchedulerDialect(boolean postgreSql) {

    static SchedulerDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return new SchedulerDialect(c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres"));
        } catch (SQLException e) {
            return new SchedulerDialect(false);
        }
    }

    JdbcCustomization jdbcCustomization() {
        return postgreSql ? new PostgreSqlJdbcCustomization(false, false) : new DefaultJdbcCustomization(false);
    }
}
