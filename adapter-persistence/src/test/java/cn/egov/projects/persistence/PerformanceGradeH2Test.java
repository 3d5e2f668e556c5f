package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("绩效考核等级（H2）")
class PerformanceGradeH2Test extends PerformanceGradeContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
