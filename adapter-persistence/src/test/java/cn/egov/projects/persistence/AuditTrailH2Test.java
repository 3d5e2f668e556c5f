package cn.egov.projects.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("审计记录（H2）")
class AuditTrailH2Test extends AuditTrailContractTest {

    @Override
    protected TestDatabase newTestDatabase() {
        return h2();
    }
}
