package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("第25版迁移：已有账号的密码日期、活动时间和密码历史（H2）")
class PasswordPolicyMigrationH2Test extends PasswordPolicyMigrationContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PersistenceContractTest.emptyH2();
    }
}
