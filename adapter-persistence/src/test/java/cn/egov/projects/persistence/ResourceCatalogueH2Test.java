package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("资源目录与复用审查意见（H2）")
class ResourceCatalogueH2Test extends ResourceCatalogueContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
