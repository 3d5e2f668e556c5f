package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("到期的期限（PostgreSQL）")
class DueDeadlinesPostgreSqlTest extends DueDeadlinesContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
