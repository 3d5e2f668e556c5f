package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("多实例共享的Web状态（H2）")
class SharedWebStateH2Test extends SharedWebStateContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
