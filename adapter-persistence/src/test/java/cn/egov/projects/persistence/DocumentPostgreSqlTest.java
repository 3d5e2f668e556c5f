package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("文件（PostgreSQL）")
class DocumentPostgreSqlTest extends DocumentContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
