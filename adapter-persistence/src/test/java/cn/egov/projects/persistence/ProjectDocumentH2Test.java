package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("项目文档与期限投影（H2）")
class ProjectDocumentH2Test extends ProjectDocumentContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
