package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("资源目录与复用审查意见（PostgreSQL）")
class ResourceCataloguePostgreSqlTest extends ResourceCatalogueContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
