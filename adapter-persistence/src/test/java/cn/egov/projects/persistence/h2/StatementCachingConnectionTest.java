package cn.egov.projects.persistence.h2;

import org.h2.jdbc.JdbcPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("H2连接保留已准备的语句：同一SQL再次准备时复用，参数、结果和行数限制不带到下一次")
class StatementCachingConnectionTest {

    private StatementCachingConnection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = new StatementCachingConnection(DriverManager.getConnection("jdbc:h2:mem:cache-"
                + UUID.randomUUID() + ";QUERY_CACHE_SIZE=0", "sa", ""));
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE item (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static JdbcPreparedStatement physical(PreparedStatement ps) throws SQLException {
        return ps.unwrap(JdbcPreparedStatement.class);
    }

    private static List<String> names(ResultSet rs) throws SQLException {
        List<String> names = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString(1));
        }
        return names;
    }

    @Test
    @DisplayName("关闭后再准备同一SQL，拿到的是同一条已解析的语句，参数已清空")
    void theSameSqlPreparedAgainIsTheKeptStatementWithItsParametersCleared() throws SQLException {
        String sql = "SELECT name FROM item WHERE name = ?";
        PreparedStatement first = connection.prepareStatement(sql);
        JdbcPreparedStatement kept = physical(first);
        first.setString(1, "b");
        ResultSet left = first.executeQuery();
        assertThat(names(left)).containsExactly("b");
        first.close();

        assertThat(first.isClosed()).isTrue();
        assertThat(left.isClosed()).as("closing the statement closes its results").isTrue();
        assertThatThrownBy(() -> first.setString(1, "c")).isInstanceOf(SQLException.class)
                .hasMessageContaining("closed");
        first.close(); // twice: nothing happens

        try (PreparedStatement second = connection.prepareStatement(sql)) {
            assertThat(physical(second)).isSameAs(kept);
            assertThatThrownBy(second::executeQuery).as("the first use's parameter is not carried over")
                    .isInstanceOf(SQLException.class);
            second.setString(1, "c");
            try (ResultSet rs = second.executeQuery()) {
                assertThat(names(rs)).containsExactly("c");
            }
        }
        assertThat(connection.kept()).isEqualTo(1);
    }

    @Test
    @DisplayName("同一SQL同时打开两条：各是各的语句，关闭后只留一条")
    void twoOpenAtOnceAreTwoStatementsAndOneIsKept() throws SQLException {
        String sql = "SELECT name FROM item ORDER BY id";
        PreparedStatement a = connection.prepareStatement(sql);
        PreparedStatement b = connection.prepareStatement(sql);
        JdbcPreparedStatement pa = physical(a);
        JdbcPreparedStatement pb = physical(b);
        assertThat(pa).isNotSameAs(pb);
        try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
            assertThat(ra.next()).isTrue();
            assertThat(names(rb)).containsExactly("a", "b", "c");
            assertThat(names(ra)).containsExactly("b", "c");
        }
        a.close();
        b.close();
        assertThat(connection.kept()).isEqualTo(1);
        assertThat(pb.isClosed()).as("the second given back finds the first kept: closed").isTrue();
        assertThat(pa.isClosed()).isFalse();
    }

    @Test
    @DisplayName("行数限制用后复原；设过超时等其他设置的语句关闭而不保留")
    void rowLimitsAreResetAndOtherSettingsAreNotHandedOn() throws SQLException {
        String sql = "SELECT name FROM item ORDER BY id";
        try (PreparedStatement limited = connection.prepareStatement(sql)) {
            limited.setMaxRows(1);
            limited.setFetchSize(1);
            try (ResultSet rs = limited.executeQuery()) {
                assertThat(names(rs)).containsExactly("a");
            }
        }
        JdbcPreparedStatement kept;
        try (PreparedStatement again = connection.prepareStatement(sql)) {
            kept = physical(again);
            assertThat(again.getMaxRows()).isZero();
            try (ResultSet rs = again.executeQuery()) {
                assertThat(names(rs)).containsExactly("a", "b", "c");
            }
            again.setEscapeProcessing(false);
        }
        assertThat(kept.isClosed()).isTrue();
        assertThat(connection.kept()).isZero();
        try (PreparedStatement fresh = connection.prepareStatement(sql)) {
            assertThat(physical(fresh)).isNotSameAs(kept);
        }
    }

    @Test
    @DisplayName("批量和生成键：清空的批量不带到下一次；要生成键的语句与普通语句分开保留")
    void batchesAreClearedAndGeneratedKeysAreTheirOwnStatement() throws SQLException {
        String insert = "INSERT INTO item (name) VALUES (?)";
        try (PreparedStatement ps = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "d");
            ps.addBatch();
            ps.setString(1, "e");
            ps.addBatch();
            assertThat(ps.executeBatch()).containsExactly(1, 1);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(4);
            }
            ps.setString(1, "never");
            ps.addBatch(); // left in the batch, not executed
        }
        try (PreparedStatement ps = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            assertThat(ps.executeBatch()).isEmpty();
            ps.setString(1, "f");
            assertThat(ps.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(6);
            }
        }
        try (PreparedStatement plain = connection.prepareStatement(insert)) {
            plain.setString(1, "g");
            assertThat(plain.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM item WHERE id > 3 ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            assertThat(names(rs)).containsExactly("d", "e", "f", "g");
        }
        assertThat(connection.kept()).isEqualTo(3);
    }

    @Test
    @DisplayName("表结构变了，保留的语句照常执行（H2重新解析）")
    void aKeptStatementStillRunsAfterTheTableChanged() throws SQLException {
        String sql = "SELECT * FROM item WHERE id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE item ADD COLUMN note VARCHAR(20) DEFAULT 'n'");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.getMetaData().getColumnCount()).isEqualTo(3);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("note")).isEqualTo("n");
            }
        }
    }

    @Test
    @DisplayName("最多保留定额条数，最久未用的先关闭；连接关闭时保留的语句一并关闭")
    void atMostCapacityAreKeptAndClosingTheConnectionClosesThem() throws SQLException {
        List<JdbcPreparedStatement> physical = new ArrayList<>();
        for (int i = 0; i <= StatementCachingConnection.CAPACITY; i++) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + i + " FROM item WHERE id = ?")) {
                physical.add(physical(ps));
            }
        }
        assertThat(connection.kept()).isEqualTo(StatementCachingConnection.CAPACITY);
        assertThat(physical.get(0).isClosed()).as("the least recently used").isTrue();
        assertThat(physical.get(1).isClosed()).isFalse();

        PreparedStatement open = connection.prepareStatement("SELECT 1 FROM item WHERE id = ?");
        JdbcPreparedStatement held = physical(open);
        connection.close();
        assertThat(physical.subList(2, physical.size())).allMatch(ps -> {
            try {
                return ps.isClosed();
            } catch (SQLException e) {
                return false;
            }
        });
        open.close(); // given back to a closed connection: closed, not kept
        assertThat(held.isClosed()).isTrue();
        assertThat(connection.kept()).isZero();
    }

    @Test
    @DisplayName("语句的连接是这条连接；其他形式的准备和普通语句照旧")
    void theStatementsConnectionIsThisOne() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM item")) {
            assertThat(ps.getConnection()).isSameAs(connection);
            assertThat(ps.unwrap(PreparedStatement.class)).isSameAs(ps);
        }
        try (PreparedStatement scrolling = connection.prepareStatement("SELECT name FROM item ORDER BY id",
                ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet rs = scrolling.executeQuery()) {
            assertThat(rs.last()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("c");
        }
        assertThat(connection.kept()).isEqualTo(1);
        assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
        assertThat(connection.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
    }
}
