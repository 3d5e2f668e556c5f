package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("专家库与抽取记录（PostgreSQL）")
class ExpertPostgreSqlTest extends ExpertContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
