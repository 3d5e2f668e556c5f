package cn.egov.projects.persistence.h2;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit that returned is in the store file as a crash leaves it: after every commit the file is copied as it is
 * at that moment — what {@code kill -9} leaves, whose writes the operating system keeps, and what a power cut leaves
 * when every write is synchronous — and the copy is opened apart, as a restart would open it. The commits vary in
 * size and rows are deleted, and the retention time is 0, so that H2 puts new chunks into space freed by old ones,
 * often where the chunk before did not predict: the case in which H2's own store header names the chunk before the
 * committed one (see {@link NewestChunkChannel}).
 */
@DisplayName("崩溃后重新打开：每一次已返回的提交都在（内置H2数据库）")
class CrashRecoveryTest {

    private static final int COMMITS = 100;

    @TempDir
    Path dir;

    @Test
    @DisplayName("经本应用的文件系统打开：每次提交后按当时的文件重新打开，提交都在")
    void everyCommitIsFoundAfterACrash() throws Exception {
        Path db = dir.resolve("durable");
        assertThat(firstCommitLost(H2Urls.durable("jdbc:h2:file:" + db.resolve("egov")), db))
                .as("the first commit not found after a crash (0: none)").isZero();
    }

    @Test
    @DisplayName("对照：H2自带的文件系统在同样的写入下会丢失已返回的提交（本应用因此改写存储文件头）")
    void plainH2LosesACommitInTheSameSequence() throws Exception {
        Path db = dir.resolve("plain");
        // H2's own nio file system with every commit written before it returns, as the durable one
        assertThat(firstCommitLost("jdbc:h2:nio:" + db.resolve("egov") + ";WRITE_DELAY=0", db))
                .as("H2 no longer loses a returned commit here: NewestChunkChannel may no longer be needed")
                .isPositive();
    }

    /** Runs the commits; the number of the first one missing from the file as a crash would leave it, or 0. */
    private static int firstCommitLost(String url, Path db) throws SQLException, IOException {
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(url + ";RETENTION_TIME=0", "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, body VARCHAR(100000))");
            PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
            PreparedStatement delete = c.prepareStatement("DELETE FROM t WHERE id = ?");
            for (int n = 1; n <= COMMITS; n++) {
                insert.setInt(1, n);
                insert.setString(2, "x".repeat(1 + random.nextInt(n % 10 == 0 ? 60_000 : 3_000)));
                insert.executeUpdate();
                if (n > 20 && random.nextBoolean()) {
                    delete.setInt(1, n - 20);
                    delete.executeUpdate();
                }
                if (!foundAfterCrash(db, n)) {
                    return n;
                }
            }
        }
        return 0;
    }

    private static boolean foundAfterCrash(Path db, int n) throws SQLException, IOException {
        Path copy = Files.createDirectories(db.resolveSibling(db.getFileName() + "-crash-" + n));
        Files.copy(db.resolve("egov.mv.db"), copy.resolve("egov.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:nio:" + copy.resolve("egov"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM t WHERE id = " + n)) {
            return rs.next() && rs.getInt(1) == 1;
        } finally {
            Files.deleteIfExists(copy.resolve("egov.mv.db"));
            Files.deleteIfExists(copy.resolve("egov.trace.db"));
            Files.deleteIfExists(copy);
        }
    }
}
