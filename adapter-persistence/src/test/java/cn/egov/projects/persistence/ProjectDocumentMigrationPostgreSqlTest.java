package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("第14版迁移：子表数据转为项目文档（PostgreSQL）")
class ProjectDocumentMigrationPostgreSqlTest extends ProjectDocumentMigrationContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PersistenceContractTest.emptyPostgreSql();
    }
}
