package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("到期的期限（H2）")
class DueDeadlinesH2Test extends DueDeadlinesContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
