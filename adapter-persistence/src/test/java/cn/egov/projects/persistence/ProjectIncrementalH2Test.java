package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("只写变化的部分（H2）")
class ProjectIncrementalH2Test extends ProjectIncrementalContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
