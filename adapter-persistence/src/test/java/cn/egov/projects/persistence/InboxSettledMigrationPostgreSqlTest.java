package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("第34版迁移：已办结或撤销的期限在消息中心里的提醒收回（PostgreSQL）")
class InboxSettledMigrationPostgreSqlTest extends InboxSettledMigrationContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return PersistenceContractTest.emptyPostgreSql();
    }
}
