package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

import java.sql.Statement;

@DisplayName("审计记录链（H2）")
class AuditChainH2Test extends AuditChainContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return H2TestDatabase.migrated();
    }

    @Override
    protected void bypassTriggers(Statement s) {
        // H2 has no triggers on the audit tables: the file's owner changes what they like
    }
}
