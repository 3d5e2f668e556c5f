package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("工作台数据（PostgreSQL）")
class WebWorkplacePostgreSqlTest extends WebWorkplaceContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
