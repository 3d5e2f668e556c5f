package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("单位（H2）")
class UnitH2Test extends UnitContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
