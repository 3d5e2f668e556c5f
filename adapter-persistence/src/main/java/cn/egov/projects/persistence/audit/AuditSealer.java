package cn.egov.projects.persistence.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Links the committed audit records into the {@link AuditChain}, one short transaction at a time, on a thread of its
 * own: a few milliseconds after each commit that wrote a record ({@link #nudge}), and every second besides, for the
 * records of other instances and of an instance that stopped before it linked its own. The chain's head lock is held
 * only by the sealers, so writers never wait for it; two instances' sealers take turns.
 *
 * <p>Until {@link #start} it links only when asked ({@link #sealNow}); {@link #close} links what is pending one last
 * time.
 */
public final class AuditSealer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

    /** How long after a commit the records are linked: enough to take several commits' records in one go. */
    static final Duration AFTER_COMMIT = Duration.ofMillis(20);

    /** How often the pending records are looked for whoever wrote them. */
    static final Duration SWEEP = Duration.ofSeconds(1);

    private static final long QUIET_FAILURES_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final DataSource dataSource;
    private final AuditChain chain;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private long lastFailureLogged = System.nanoTime() - QUIET_FAILURES_NANOS;

    public AuditSealer(DataSource dataSource, AuditChain chain) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    /** Starts linking in the background. Idempotent. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "egov-audit-sealer");
            t.setDaemon(true);
            return t;
        });
        started.scheduleWithFixedDelay(this::sealQuietly, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** A record was committed: link it soon. Does nothing before {@link #start} and after {@link #close}. */
    public void nudge() {
        ScheduledExecutorService running = executor;
        if (running == null || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            running.schedule(() -> {
                scheduled.set(false);
                sealQuietly();
            }, AFTER_COMMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            scheduled.set(false);
        }
    }

    /**
     * Links every committed pending record now, in the caller's thread and a transaction of its own.
     *
     * @return how many records were linked
     * @throws org.apache.ibatis.exceptions.PersistenceException when the database refuses (the records stay pending)
     */
    public int sealNow() {
        try {
            return link();
        } catch (SQLException e) {
            throw new org.apache.ibatis.exceptions.PersistenceException("cannot link the audit records into the "
                    + "chain: " + e.getMessage(), e);
        }
    }

    private int link() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                beginPass(c);
                int linked = chain.chainPending(c);
                c.commit();
                return linked;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit); // the connection goes back to the pool as it came
            }
        }
    }

    /**
     * Sets up a pass's transaction on PostgreSQL (nothing on the embedded database), in one round trip:
     * <ul>
     *   <li>its commit does not wait for the disk: the links lost in a crash are made again from the records still
     *       pending, which are on disk with their own seals since their own commits;</li>
     *   <li>its statements read by index, never by scanning a table. {@code audit_pending} is a queue: a plan made
     *       while it held a page (a scan is cheapest then, and the driver's prepared statements keep their plan)
     *       read the whole table on every pass once thousands of rows had been inserted and deleted since the last
     *       vacuum — 43 pages to delete one row in the size series. Every statement of a pass has an index to go
     *       by ({@link AuditChain#PENDING_AFTER}, the links by number, the head by its key).</li>
     * </ul>
     */
    public static void beginPass(Connection c) throws SQLException {
        if (postgreSql(c)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SELECT set_config('synchronous_commit', 'off', true), "
                        + "set_config('enable_seqscan', 'off', true)");
            }
        }
    }

    private static boolean postgreSql(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
    }

    private void sealQuietly() {
        try {
            sealNow();
        } catch (RuntimeException e) {
            // the records stay pending, sealed on their own, and are linked at the next try; said once a minute
            long now = System.nanoTime();
            synchronized (this) {
                if (now - lastFailureLogged >= QUIET_FAILURES_NANOS) {
                    lastFailureLogged = now;
                    LOG.warn("linking the audit records into the chain failed, will try again: {}", e.toString());
                }
            }
        }
    }

    /** Stops the background linking and links what is pending one last time (a failure is logged, not thrown). */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) {
            return;
        }
        // never interrupted: an interrupt inside the embedded database's file I/O would close its file
        running.shutdown();
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the audit sealer did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sealQuietly();
    }
}
