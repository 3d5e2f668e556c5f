package cn.egov.projects.persistence;

import java.nio.file.Path;

/** An embedded H2 database in files of a fresh directory under target/tmp. */
final class H2TestDatabase implements TestDatabase {

    private final Path dir;

    H2TestDatabase() {
        this.dir = TestDirs.newTempDir("h2-");
    }

    @Override
    public DatabaseSettings settings() {
        return DatabaseSettings.embeddedH2(dir);
    }

    @Override
    public boolean isPostgreSql() {
        return false;
    }

    @Override
    public void close() {
        TestDirs.deleteRecursively(dir);
    }
}
