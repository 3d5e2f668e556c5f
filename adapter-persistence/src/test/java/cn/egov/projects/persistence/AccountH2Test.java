package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("账号（H2）")
class AccountH2Test extends AccountContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
