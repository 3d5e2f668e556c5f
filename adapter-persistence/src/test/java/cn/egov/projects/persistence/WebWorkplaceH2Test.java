package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("工作台数据（H2）")
class WebWorkplaceH2Test extends WebWorkplaceContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
