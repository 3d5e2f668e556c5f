package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("参与用例事务的数据源（H2）")
class TransactionAwareDataSourceH2Test extends TransactionAwareDataSourceContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
