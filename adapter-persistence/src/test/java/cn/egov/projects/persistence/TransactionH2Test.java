package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("事务（H2）")
class TransactionH2Test extends TransactionContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
