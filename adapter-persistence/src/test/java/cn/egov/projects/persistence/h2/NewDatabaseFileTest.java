package cn.egov.projects.persistence.h2;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("新建嵌入式数据库：结构在旁边的文件里建好，落盘后一步改名就位")
class NewDatabaseFileTest {

    private static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("egov") + OPTIONS;
    }

    private static <T> NewDatabaseFile.Builder<T> migrating(java.util.function.Function<String, T> migrate) {
        return NewDatabaseFile.migrating("sa", "", migrate);
    }

    @Test
    @DisplayName("复制模板：把做好的库文件原样放到位")
    void aCopiedTemplateIsPutInPlace() throws Exception {
        byte[] template;
        Path made = dir.resolve("made");
        NewDatabaseFile.buildIfAbsent("jdbc:h2:file:" + made.resolve("egov") + OPTIONS, migrating(this::createTable));
        template = Files.readAllBytes(made.resolve("egov.mv.db"));
        assertThat(NewDatabaseFile.buildIfAbsent(url(),
                NewDatabaseFile.copying(() -> new java.io.ByteArrayInputStream(template), "17"))).contains("17");
        assertThat(Files.readAllBytes(dir.resolve("egov.mv.db"))).isEqualTo(template);
        try (Connection c = DriverManager.getConnection(url() + ";IFEXISTS=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    /** A migration: one table with a row, on the URL it is given. */
    private String createTable(String buildingUrl) {
        try (Connection c = DriverManager.getConnection(buildingUrl, "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
            return "1";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("没有数据库文件时：在 .building 文件里迁移，关闭后改名为数据库文件，不留下别的文件")
    void aNewDatabaseIsBuiltBesideAndMovedIntoPlace() throws Exception {
        List<String> urls = new ArrayList<>();
        Optional<String> built = NewDatabaseFile.buildIfAbsent(url(), migrating(u -> {
            urls.add(u);
            assertThat(dir.resolve("egov.mv.db")).as("not in place while it is built").doesNotExist();
            return createTable(u);
        }));
        assertThat(built).contains("1");
        assertThat(urls).containsExactly("jdbc:h2:file:" + dir.resolve("egov") + NewDatabaseFile.BUILDING + OPTIONS);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("egov.mv.db");
        }
        try (Connection c = DriverManager.getConnection(url() + ";IFEXISTS=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("数据库文件已存在时不动它，也不调用迁移")
    void anExistingDatabaseIsLeftAlone() throws Exception {
        NewDatabaseFile.buildIfAbsent(url(), migrating(this::createTable));
        byte[] before = Files.readAllBytes(dir.resolve("egov.mv.db"));
        Optional<String> again = NewDatabaseFile.buildIfAbsent(url(), migrating(u -> {
            throw new AssertionError("no migration for an existing database");
        }));
        assertThat(again).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("egov.mv.db"))).isEqualTo(before);
    }

    @Test
    @DisplayName("迁移中途失败（如进程被杀）只留下旁边的文件，下次启动删掉它重新建")
    void aFailedBuildLeavesNoDatabaseAndTheNextOneStartsAfresh() throws Exception {
        assertThatThrownBy(() -> NewDatabaseFile.buildIfAbsent(url(), migrating(u -> {
            createTable(u);
            throw new IllegalStateException("killed");
        }))).hasMessage("killed");
        assertThat(dir.resolve("egov.mv.db")).doesNotExist();

        assertThat(NewDatabaseFile.buildIfAbsent(url(), migrating(u -> {
            try (Connection c = DriverManager.getConnection(u, "sa", "");
                 ResultSet rs = c.getMetaData().getTables(null, null, "t", null)) {
                assertThat(rs.next()).as("the half-built file was not reused").isFalse();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return createTable(u);
        }))).contains("1");
        assertThat(dir.resolve("egov.mv.db")).exists();
        assertThat(dir.resolve("egov" + NewDatabaseFile.BUILDING + NewDatabaseFile.STORE)).doesNotExist();
    }

    @Test
    @DisplayName("另一个进程正在建同一个库时拒绝启动并说明原因，不会把两个库先后改名覆盖")
    void aSecondProcessMakingTheSameDatabaseIsRefused() throws Exception {
        Path lockFile = dir.resolve("egov" + NewDatabaseFile.BUILDING + NewDatabaseFile.LOCK);
        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = other.lock()) {
            assertThat(held.isValid()).isTrue();
            assertThatThrownBy(() -> NewDatabaseFile.buildIfAbsent(url(), migrating(u -> {
                throw new AssertionError("nothing is made while another process makes it");
            }))).isInstanceOf(java.io.IOException.class).hasMessageContaining("another process is making");
        }
        assertThat(dir.resolve("egov.mv.db")).doesNotExist();
        assertThat(NewDatabaseFile.buildIfAbsent(url(), migrating(this::createTable))).contains("1");
        assertThat(lockFile).doesNotExist();
    }

    @Test
    @DisplayName("内存库、服务器库和要求已存在（IFEXISTS=TRUE）的地址不在这里新建")
    void otherUrlsAreLeftToH2() throws Exception {
        for (String other : List.of("jdbc:h2:mem:x", "jdbc:h2:tcp://localhost/egov", url() + ";IFEXISTS=TRUE",
                url() + ";ifexists = true")) {
            assertThat(NewDatabaseFile.buildIfAbsent(other, migrating(u -> {
                throw new AssertionError(other);
            }))).as(other).isEmpty();
        }
        assertThat(dir.resolve("egov.mv.db")).doesNotExist();
    }

    @Test
    @DisplayName("数据库路径：file: 前缀可有可无，~ 为用户目录，参数不算在内")
    void theBasePathOfAUrl() {
        assertThat(NewDatabaseFile.basePath("jdbc:h2:file:/srv/egov/data/egov;MODE=PostgreSQL"))
                .contains(Path.of("/srv/egov/data/egov"));
        assertThat(NewDatabaseFile.basePath("jdbc:h2:/srv/egov/data/egov")).contains(Path.of("/srv/egov/data/egov"));
        assertThat(NewDatabaseFile.basePath("jdbc:h2:~/egov;X=1"))
                .contains(Path.of(System.getProperty("user.home") + "/egov"));
        assertThat(NewDatabaseFile.basePath("jdbc:h2:mem:egov")).isEmpty();
    }
}
