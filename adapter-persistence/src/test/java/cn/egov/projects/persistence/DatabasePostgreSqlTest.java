package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("打开数据库（PostgreSQL）")
class DatabasePostgreSqlTest extends DatabaseContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PostgresServer.get().newDatabase();
    }
}
