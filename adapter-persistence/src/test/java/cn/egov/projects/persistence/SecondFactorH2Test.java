package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("动态口令密钥与安全策略（H2）")
class SecondFactorH2Test extends SecondFactorContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
