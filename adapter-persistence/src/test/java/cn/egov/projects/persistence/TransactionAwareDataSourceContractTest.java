package cn.egov.projects.persistence;

import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Database.transactionAwareDataSource()}: plain JDBC that commits and rolls back with the use case's
 * transaction (what the reminder scheduler writes through), and an ordinary pooled connection outside one.
 */
abstract class TransactionAwareDataSourceContractTest extends PersistenceContractTest {

    private static String code() {
        return "J" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void insertUnit(DataSource dataSource, String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO unit (code, name_zh, kind) VALUES (?, ?, ?)")) {
            ps.setString(1, code);
            ps.setString(2, "直接写入的单位");
            ps.setString(3, "IMPLEMENTING");
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long units(DataSource dataSource, String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM unit WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("事务中经普通JDBC写入的行在事务抛出异常后不复存在")
    void jdbcWorkRollsBackWithTheTransaction() {
        String code = code();
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            insertUnit(database.transactionAwareDataSource(), code);
            // the same transaction sees it, through MyBatis as through JDBC
            assertThat(adapters.units().find(new UnitId(code))).isPresent();
            assertThat(units(database.transactionAwareDataSource(), code)).isEqualTo(1);
            throw boom;
        })).isSameAs(boom);
        assertThat(units(database.dataSource(), code)).isZero();
        assertThat(adapters.units().find(new UnitId(code))).isEmpty();
    }

    @Test
    @DisplayName("事务正常结束时经普通JDBC写入的行与用例的写入一并提交")
    void jdbcWorkCommitsWithTheTransaction() {
        String jdbc = code();
        String myBatis = code();
        adapters.transactions().inTransaction(() -> {
            insertUnit(database.transactionAwareDataSource(), jdbc);
            adapters.units().insert(new Unit(new UnitId(myBatis), "用例写入的单位", Unit.Kind.AUTHORITY));
            return null;
        });
        assertThat(units(database.dataSource(), jdbc)).isEqualTo(1);
        assertThat(units(database.dataSource(), myBatis)).isEqualTo(1);
    }

    @Test
    @DisplayName("事务中连接的关闭、提交、回滚和自动提交设置都不起作用，由外层事务决定")
    void closeCommitRollbackAndAutoCommitAreLeftToTheTransaction() throws SQLException {
        String committedTooEarly = code();
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            try (Connection c = database.transactionAwareDataSource().getConnection()) {
                c.setAutoCommit(true);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO unit (code, name_zh, kind) VALUES (?, '提前提交', 'AUTHORITY')")) {
                    ps.setString(1, committedTooEarly);
                    ps.executeUpdate();
                }
                c.commit();
                assertThat(c.getAutoCommit()).isFalse();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw boom;
        })).isSameAs(boom);
        assertThat(units(database.dataSource(), committedTooEarly)).isZero();

        String keptDespiteRollback = code();
        adapters.transactions().inTransaction(() -> {
            try (Connection c = database.transactionAwareDataSource().getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO unit (code, name_zh, kind) VALUES (?, '回滚无效', 'AUTHORITY')")) {
                    ps.setString(1, keptDespiteRollback);
                    ps.executeUpdate();
                }
                c.rollback();
                c.close();
                assertThat(c.isClosed()).isTrue();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            // the transaction goes on after the proxy was closed
            adapters.units().insert(new Unit(new UnitId(keptDespiteRollback + "X"), "之后写入", Unit.Kind.AUTHORITY));
            return null;
        });
        assertThat(units(database.dataSource(), keptDespiteRollback)).isEqualTo(1);
        assertThat(units(database.dataSource(), keptDespiteRollback + "X")).isEqualTo(1);
    }

    @Test
    @DisplayName("事务之外得到普通的连接池连接：自动提交，关闭后归还")
    void outsideATransactionItIsAnOrdinaryConnection() throws SQLException {
        String code = code();
        try (Connection c = database.transactionAwareDataSource().getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
        }
        insertUnit(database.transactionAwareDataSource(), code);
        assertThat(units(database.dataSource(), code)).isEqualTo(1);
        for (int i = 0; i < 30; i++) { // more than the pool holds: each one went back
            assertThat(units(database.transactionAwareDataSource(), code)).isEqualTo(1);
        }
    }
}
