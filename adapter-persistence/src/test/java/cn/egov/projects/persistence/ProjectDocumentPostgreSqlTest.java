package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("项目文档与期限投影（PostgreSQL）")
class ProjectDocumentPostgreSqlTest extends ProjectDocumentContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
