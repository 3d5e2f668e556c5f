package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("单位（PostgreSQL）")
class UnitPostgreSqlTest extends UnitContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
