package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("专家库与抽取记录（H2）")
class ExpertH2Test extends ExpertContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
