package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("打开数据库（H2）")
class DatabaseH2Test extends DatabaseContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return new H2TestDatabase();
    }
}
