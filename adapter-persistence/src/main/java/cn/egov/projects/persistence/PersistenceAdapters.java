package cn.egov.projects.persistence;

import cn.egov.projects.application.view.AuditVerdict;
import cn.egov.projects.application.port.out.AccountPort;
import cn.egov.projects.application.port.out.ProjectAssignmentPort;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.AuditVerificationPort;
import cn.egov.projects.application.port.out.DeclarationWindowPort;
import cn.egov.projects.application.port.out.DocumentPort;
import cn.egov.projects.application.port.out.DueDeadlinesPort;
import cn.egov.projects.application.port.out.NamesPort;
import cn.egov.projects.application.port.out.PerformanceGradePort;
import cn.egov.projects.application.port.out.ProvisionalDeadlinesPort;
import cn.egov.projects.application.port.out.ReuseOpinionPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.port.out.UnitPort;

import cn.egov.projects.persistence.shared.SharedWebStateAdapter;
import cn.egov.projects.persistence.web.WebSecurityAdapter;
import cn.egov.projects.persistence.web.NamesAdapter;
import cn.egov.projects.persistence.web.WorkplaceReadAdapter;

import cn.egov.projects.persistence.audit.AuditChain;
import cn.egov.projects.persistence.audit.AuditSealer;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.mybatis.SqlErrors;

import java.sql.Connection;
import java.sql.SQLException;
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
    private final UnitAdapter units;
    private final DueDeadlinesAdapter dueDeadlines;
    private final WorkplaceReadAdapter workplaceReads;
    private final NamesAdapter names;
    private final WebSecurityAdapter webSecurity;
    private final SharedWebStateAdapter sharedWebState;
    private final SharedWebStateAdapter exportWindows;
    private final PasswordStateAdapter passwordStates;
    private final ResourceCatalogueAdapter resourceCatalogues;
    private final ReuseOpinionAdapter reuseOpinions;
    private final PerformanceGradeAdapter performanceGrades;
    private final ExpertAdapter experts;
    private final cn.egov.projects.persistence.security.SecondFactorAdapter secondFactors;
    private final cn.egov.projects.persistence.security.ClearanceAdapter clearances;

    private final Database database;
    private final AuditChain auditChain;
    private final AuditSealer auditSealer;
    private final FieldCipher cipher;

    /**
     * Over a database whose audit trail is sealed with a key of this process only: for tests and throwaway
     * databases, whose chain no later process checks.
     */
    public PersistenceAdapters(Database database) {
        this(database, AuditKey.ephemeral());
    }

    /**
     * Over a database whose audit trail is sealed with {@code auditKey}; seals, the first time, the records written
     * before the trail was a chain, and links the records left pending by a process that stopped.
     *
     * @throws DatabaseStartupException when the chain's head cannot be read or sealed
     */
    public PersistenceAdapters(Database database, AuditKey auditKey) {
        this(database, auditKey, FieldCipher.ephemeral());
    }

    /**
     * Over a database whose audit trail is sealed with {@code auditKey} and whose personal data is encrypted with
     * {@code cipher} ({@link FieldCipher}); encrypts, the first time after V26, the personal data written before
     * ({@link PersonalDataSweep}).
     *
     * @throws DatabaseStartupException when the chain's head cannot be read or sealed, or the personal data cannot
     *                                  be encrypted
     */
    public PersistenceAdapters(Database database, AuditKey auditKey, FieldCipher cipher) {
        this.database = Objects.requireNonNull(database, "database");
        this.auditChain = new AuditChain(auditKey);
        this.auditSealer = new AuditSealer(database.dataSource(), auditChain);
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        sealLegacy();
        PersonalDataSweep.carryOver(database.dataSource(), cipher, !database.settings().isPostgreSql());
        var sessions = database.sessions();
        this.transactions = new MyBatisTransactionAdapter(sessions);
        // PostgreSQL gives a JSONB document back in its own layout: a project loaded there is read anew, so the records
        // of its next save are new objects whose JSON is not worth remembering
        this.projects = new ProjectPersistenceAdapter(sessions, cipher, !database.settings().isPostgreSql());
        this.windows = new DeclarationWindowAdapter(sessions);
        this.auditTrail = new AuditTrailAdapter(sessions, auditChain, auditSealer);
        this.documents = new DocumentAdapter(sessions);
        this.accounts = new AccountAdapter(sessions, cipher);
        this.units = new UnitAdapter(sessions);
        this.dueDeadlines = new DueDeadlinesAdapter(sessions, cipher);
        this.workplaceReads = new WorkplaceReadAdapter(sessions, cipher);
        this.names = new NamesAdapter(sessions);
        this.webSecurity = new WebSecurityAdapter(sessions, cipher);
        this.sharedWebState = new SharedWebStateAdapter(database.dataSource());
        this.exportWindows = SharedWebStateAdapter.exportWindows(database.dataSource());
        this.passwordStates = new PasswordStateAdapter(sessions);
        this.resourceCatalogues = new ResourceCatalogueAdapter(sessions, cipher);
        this.reuseOpinions = new ReuseOpinionAdapter(sessions);
        this.performanceGrades = new PerformanceGradeAdapter(sessions);
        this.experts = new ExpertAdapter(sessions);
        this.secondFactors = new cn.egov.projects.persistence.security.SecondFactorAdapter(sessions, cipher);
        this.clearances = new cn.egov.projects.persistence.security.ClearanceAdapter(sessions);
    }

    /**
     * What links the committed audit records into the chain: started by the running application, asked directly
     * elsewhere ({@link AuditSealer#sealNow}).
     */
    public AuditSealer auditSealer() {
        return auditSealer;
    }

    /** The cipher of personal data at rest, for any other column that must be encrypted (e.g. a TOTP secret). */
    public FieldCipher cipher() {
        return cipher;
    }

    private void sealLegacy() {
        try (Connection c = database.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                auditChain.sealLegacy(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit); // the connection goes back to the pool as it came
            }
        } catch (SQLException e) {
            throw new DatabaseStartupException("cannot seal the audit trail: " + SqlErrors.rootMessage(e), e);
        }
    }

    /**
     * Recomputes the audit trail's chain ({@code verify-audit}, and the security auditor's page): whether every record
     * is as the application wrote it, and if not the first that is not.
     */
    public AuditChain.Verdict verifyAuditTrail() {
        return verifyAuditTrail(database, auditChain);
    }

    /** {@link #verifyAuditTrail()} without adapters: reads only, seals nothing ({@code verify-audit}). */
    public static AuditChain.Verdict verifyAuditTrail(Database database, AuditKey key) {
        return verifyAuditTrail(database, new AuditChain(key));
    }

    private static AuditChain.Verdict verifyAuditTrail(Database database, AuditChain chain) {
        try (Connection c = database.dataSource().getConnection()) {
            return chain.verify(c);
        } catch (SQLException e) {
            throw new org.apache.ibatis.exceptions.PersistenceException("cannot read the audit trail: "
                    + SqlErrors.rootMessage(e), e);
        }
    }

    /** {@link #verifyAuditTrail()} as the application's port. */
    public AuditVerificationPort auditVerification() {
        return () -> {
            AuditChain.Verdict v = verifyAuditTrail();
            return new AuditVerdict(v.intact(), v.checked(), v.brokenAt(), v.reason());
        };
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

    /** The people named to projects (classified projects' officers, experts), kept with the accounts. */
    public ProjectAssignmentPort projectAssignments() {
        return accounts;
    }

    public UnitPort units() {
        return units;
    }

    /** Every open deadline due by a day, with its project and people (reminders, to-do lists). */
    public DueDeadlinesPort dueDeadlines() {
        return dueDeadlines;
    }

    /** The projects whose open deadlines were computed provisionally (a year whose calendar was not held). */
    public ProvisionalDeadlinesPort provisionalDeadlines() {
        return dueDeadlines;
    }

    /** The staff's working place reads: scoped to-do deadlines, compliance figures, the audit search. */
    /** The names people read for user ids and unit codes. */
    public NamesPort names() {
        return names;
    }

    public WorkplaceReadAdapter workplaceReads() {
        return workplaceReads;
    }

    /** Sign-in failures and locks, calendar tokens, idempotency keys and the account directory. */
    public WebSecurityAdapter webSecurity() {
        return webSecurity;
    }

    /**
     * What the web tier of every instance on this database shares: browser sessions, the access revision log and the
     * sign-in rate limits' counters (each call its own connection, outside any use case's transaction).
     */
    public SharedWebStateAdapter sharedWebState() {
        return sharedWebState;
    }

    /** The export rate limits' counters (V25 {@code export_window}), shared like the sign-in limits'. */
    public cn.egov.projects.application.port.out.SignInWindowsPort exportWindows() {
        return exportWindows;
    }

    /** The password policy's state of each account: dates, history, last sign-in, disuse (V25). */
    public cn.egov.projects.application.port.out.PasswordStatePort passwordStates() {
        return passwordStates;
    }

    /**
     * The projects' resource catalogues (Art. 23), and the similarity corpus: one object for the catalogue port and
     * the corpus port.
     */
    public ResourceCatalogueAdapter resourceCatalogues() {
        return resourceCatalogues;
    }

    /** The Bureau's reuse and duplicate-construction opinions (Art. 1, 6). */
    public ReuseOpinionPort reuseOpinions() {
        return reuseOpinions;
    }

    /** The grades the Bureau records in its yearly performance evaluation (Art. 4). */
    public PerformanceGradePort performanceGrades() {
        return performanceGrades;
    }

    /** The expert pool and the recorded draws of experts (Art. 8, 24). */
    public ExpertAdapter experts() {
        return experts;
    }

    /** The accounts' one-time-code secrets and the security settings (one object for both ports). */
    /** The clearances (涉密资格) the security administrator grants. */
    public cn.egov.projects.application.port.out.ClearancePort clearances() {
        return clearances;
    }

    public cn.egov.projects.persistence.security.SecondFactorAdapter secondFactors() {
        return secondFactors;
    }

    /** HMAC-SM3 and HMAC-SHA-1 under one-time codes. */
    public cn.egov.projects.application.port.out.OneTimeCodeMacPort oneTimeCodeMacs() {
        return new cn.egov.projects.persistence.security.OneTimeCodeMacs();
    }
}
