package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("密码策略状态（PostgreSQL）")
class PasswordStatePostgreSqlTest extends PasswordStateContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
