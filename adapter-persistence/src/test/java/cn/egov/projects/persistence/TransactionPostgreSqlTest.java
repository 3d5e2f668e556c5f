package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("事务（PostgreSQL）")
class TransactionPostgreSqlTest extends TransactionContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
