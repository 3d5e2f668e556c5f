package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("参与用例事务的数据源（PostgreSQL）")
class TransactionAwareDataSourcePostgreSqlTest extends TransactionAwareDataSourceContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
