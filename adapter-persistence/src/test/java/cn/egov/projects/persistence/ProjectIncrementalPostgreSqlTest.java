package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("只写变化的部分（PostgreSQL）")
class ProjectIncrementalPostgreSqlTest extends ProjectIncrementalContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
