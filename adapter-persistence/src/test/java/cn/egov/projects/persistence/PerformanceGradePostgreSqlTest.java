package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("绩效考核等级（PostgreSQL）")
class PerformanceGradePostgreSqlTest extends PerformanceGradeContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return postgreSql();
    }
}
