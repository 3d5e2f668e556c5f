package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("申报期（H2）")
class DeclarationWindowH2Test extends DeclarationWindowContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
