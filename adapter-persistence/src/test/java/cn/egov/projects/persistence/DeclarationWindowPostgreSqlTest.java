package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("申报期（PostgreSQL）")
class DeclarationWindowPostgreSqlTest extends DeclarationWindowContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
