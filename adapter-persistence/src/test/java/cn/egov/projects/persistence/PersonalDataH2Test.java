package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("个人信息加密存储与文件SM3摘要（H2）")
class PersonalDataH2Test extends PersonalDataContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
