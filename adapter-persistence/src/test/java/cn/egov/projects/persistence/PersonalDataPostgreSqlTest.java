package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("个人信息加密存储与文件SM3摘要（PostgreSQL）")
class PersonalDataPostgreSqlTest extends PersonalDataContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
