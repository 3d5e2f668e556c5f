package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("项目存取（H2）")
class ProjectStoreH2Test extends ProjectStoreContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
