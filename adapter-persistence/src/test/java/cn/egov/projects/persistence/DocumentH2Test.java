package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("文件（H2）")
class DocumentH2Test extends DocumentContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
