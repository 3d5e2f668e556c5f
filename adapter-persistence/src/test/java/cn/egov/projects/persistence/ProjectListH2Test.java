package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("项目列表（H2）")
class ProjectListH2Test extends ProjectListContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
