package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("账号（PostgreSQL）")
class AccountPostgreSqlTest extends AccountContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
