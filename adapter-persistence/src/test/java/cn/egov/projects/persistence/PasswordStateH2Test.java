package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("密码策略状态（H2）")
class PasswordStateH2Test extends PasswordStateContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
