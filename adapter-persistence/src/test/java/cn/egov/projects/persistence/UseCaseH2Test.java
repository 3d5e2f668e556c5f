package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("用例的原子性与并发（H2）")
class UseCaseH2Test extends UseCaseContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
