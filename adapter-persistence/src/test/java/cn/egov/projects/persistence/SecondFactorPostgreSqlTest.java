package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("动态口令密钥与安全策略（PostgreSQL）")
class SecondFactorPostgreSqlTest extends SecondFactorContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
