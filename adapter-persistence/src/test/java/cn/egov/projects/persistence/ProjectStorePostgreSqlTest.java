package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("项目存取（PostgreSQL）")
class ProjectStorePostgreSqlTest extends ProjectStoreContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
