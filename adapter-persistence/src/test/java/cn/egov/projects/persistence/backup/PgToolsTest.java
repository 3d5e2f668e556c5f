package cn.egov.projects.persistence.backup;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("PostgreSQL客户端工具：连接取自JDBC地址，口令不上命令行")
class PgToolsTest {

    @Test
    @DisplayName("JDBC地址的各种写法")
    void targetsOfJdbcUrls() {
        assertThat(PgTools.target("jdbc:postgresql://db.internal:6543/egov?sslmode=require", "egov_owner", "s3cret"))
                .isEqualTo(new PgTools.Target("db.internal", 6543, "egov", "egov_owner", "s3cret", "require"));
        assertThat(PgTools.target("jdbc:postgresql://db.internal/egov", "u", ""))
                .isEqualTo(new PgTools.Target("db.internal", 5432, "egov", "u", null, null));
        assertThat(PgTools.target("jdbc:postgresql:egov?user=u&password=p%40ss", "", ""))
                .isEqualTo(new PgTools.Target("localhost", 5432, "egov", "u", "p@ss", null));
        assertThat(PgTools.target("jdbc:postgresql://[::1]:5433/egov", "u", "p").host()).isEqualTo("::1");
        assertThatThrownBy(() -> PgTools.target("jdbc:postgresql://a:5432,b:5432/egov", "u", "p"))
                .isInstanceOf(BackupException.class);
    }

    @Test
    @DisplayName("命令行不含口令；口令和TLS模式在子进程的环境变量中；找不到工具时说明EGOV_PG_BIN")
    void commandsCarryNoPassword() {
        PgTools.Target t = new PgTools.Target("db", 5432, "egov", "owner", "s3cret", "require");
        assertThat(PgTools.dumpCommand(Path.of("/usr/bin/pg_dump"), t, "00000003-1B", Path.of("/tmp/d.dump")))
                .containsExactly("/usr/bin/pg_dump", "--format=custom", "--no-password", "--host=db", "--port=5432",
                        "--username=owner", "--file=/tmp/d.dump", "--snapshot=00000003-1B", "--dbname=egov")
                .noneMatch(a -> a.contains("s3cret"));
        assertThat(PgTools.restoreCommand(Path.of("pg_restore"), t, Path.of("d.dump")))
                .noneMatch(a -> a.contains("s3cret"));
        assertThat(PgTools.environment(t)).containsEntry("PGPASSWORD", "s3cret").containsEntry("PGSSLMODE", "require");
        assertThatThrownBy(() -> PgTools.tool("pg_dump", Optional.of("/nonexistent"), "/usr/bin"))
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.messageZh()).contains("pg_dump", "EGOV_PG_BIN"));
    }
}
