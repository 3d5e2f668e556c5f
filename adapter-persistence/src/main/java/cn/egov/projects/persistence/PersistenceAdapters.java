package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.DeclarationWindowPort;
import cn.egov.projects.application.port.out.DocumentPort;
import cn.egov.projects.application.port.out.TransactionPort;

import java.util.Objects;

/**
 * The output ports this adapter implements, over one open {@link Database}; they share its transactions: whatever
 * they do on a thread inside {@link #transactions()}'s {@code inTransaction} commits or rolls back together.
 */
public final class PersistenceAdapters {

    private final MyBatisTransactionAdapter transactions;
    private final ProjectPersistenceAdapter projects;
    private final DeclarationWindowAdapter windows;
    private final AuditTrailAdapter auditTrail;
    private final DocumentAdapter documents;
    private final AccountAdapter accounts;

    public PersistenceAdapters(Database database) {
        Objects.requireNonNull(database, "database");
        var sessions = database.sessions();
        this.transactions = new MyBatisTransactionAdapter(sessions);
        this.projects = new ProjectPersistenceAdapter(sessions);
        this.windows = new DeclarationWindowAdapter(sessions);
        this.auditTrail = new AuditTrailAdapter(sessions);
        this.documents = new DocumentAdapter(sessions);
        this.accounts = new AccountAdapter(sessions);
    }

    public TransactionPort transactions() {
        return transactions;
    }

    /** Load, save and list projects: one object for the three project ports. */
    public ProjectPersistenceAdapter projects() {
        return projects;
    }

    public DeclarationWindowPort windows() {
        return windows;
    }

    public AuditTrailPort auditTrail() {
        return auditTrail;
    }

    public DocumentPort documents() {
        return documents;
    }

    public AccountPort accounts() {
        return accounts;
    }
}
