package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("项目列表（PostgreSQL）")
class ProjectListPostgreSqlTest extends ProjectListContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
