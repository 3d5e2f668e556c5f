package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("第18版迁移：已有的指定人员记上指定用途（H2）")
class AssignmentPurposeMigrationH2Test extends AssignmentPurposeMigrationContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PersistenceContractTest.emptyH2();
    }
}
