package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.persistence.audit.AuditChain;
import cn.egov.projects.persistence.audit.AuditKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail as a sealed chain: each record sealed as it is written, linked once committed; intact as the
 * application writes it, whatever the order of the commits; broken, at the first record touched, when
 * records are changed, deleted, inserted or reordered behind the application's back (here as a database owner would,
 * the append-only triggers set aside), or cut off at the end; not to be checked with another key.
 */
abstract class AuditChainContractTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private final AuditKey key = AuditKey.ephemeral();
    private Database database;
    private PersistenceAdapters adapters;

    protected abstract TestDatabase newTestDatabase();

    /** Lets this session change the audit tables as a database owner could (PostgreSQL: triggers off). */
    protected abstract void bypassTriggers(Statement s) throws SQLException;

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private void openWith(AuditKey auditKey) {
        TestDatabase db = newTestDatabase();
        open.add(db::close);
        database = Database.open(db.settings());
        open.add(database::close);
        adapters = new PersistenceAdapters(database, auditKey);
    }

    private void appendFive() {
        for (int i = 1; i <= 5; i++) {
            AuditRecord r = new AuditRecord(Instant.parse("2025-03-0" + i + "T08:00:00.123456Z"), "u" + i,
                    Role.BDB_OFFICER, "TC-DSJ", "RECORD_REVIEW", "第八条", "p-" + i, ProjectState.UNDER_REVIEW,
                    ProjectState.REVIEWED, "req-" + i, "10.0.0." + i, "第" + i + "条记录");
            adapters.transactions().inTransaction(() -> {
                adapters.auditTrail().append(r);
                return null;
            });
        }
    }

    /** Links the committed pending records, as the running application's sealer does a moment after each commit. */
    private int link() {
        return adapters.auditSealer().sealNow();
    }

    private long count(String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static AuditRecord record(String who, String summary) {
        return new AuditRecord(Instant.parse("2025-03-01T08:00:00.000001Z"), who, Role.UNIT_STAFF, "TC-GAJ",
                "REPORT_PROGRESS", "第十九条", "p-" + who, ProjectState.IMPLEMENTING, ProjectState.IMPLEMENTING,
                "req-" + who, "10.0.0.9", summary);
    }

    private long firstId() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT MIN(id) FROM audit_record")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void tamper(String... sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            bypassTriggers(s);
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("应用写入的审计记录：提交时各自封记、随后链入，两个阶段核验都完整，报告检查的条数")
    void theChainAsWrittenIsIntact() {
        openWith(key);
        appendFive();

        AuditChain.Verdict pending = adapters.verifyAuditTrail();
        assertThat(pending.intact()).as(pending.reason()).isTrue();
        assertThat(pending.checked()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isEqualTo(5);

        assertThat(link()).isEqualTo(5);
        assertThat(link()).isZero();

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(5);
    }

    @Test
    @DisplayName("一次待链入的记录多于一批（且条数不是二的幂）：全部按编号链入，链完整")
    void moreRecordsPendingThanOneBatchAreAllLinkedInOrder() {
        openWith(key);
        int many = 2 * 500 + 37; // more than two of the sealer's batches (AuditChain.BATCH)
        adapters.transactions().inTransaction(() -> {
            for (int i = 0; i < many; i++) {
                adapters.auditTrail().append(record("u" + i, "第" + i + "条"));
            }
            return null;
        });
        assertThat(link()).isEqualTo(many);
        assertThat(link()).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(many);
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isZero();
        // the links follow the records' numbers
        assertThat(count("SELECT COUNT(*) FROM audit_seal a JOIN audit_seal b ON b.link_no = a.link_no + 1 "
                + "WHERE b.record_id < a.record_id")).isZero();
        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(many);
    }

    @Test
    @DisplayName("尚未链入时被删除的记录：封记器按其写入时的封记照样链入，核验从此一直指出它")
    void aRecordDeletedBeforeItIsLinkedIsLinkedByItsSealAndNamedForGood() {
        openWith(key);
        appendFive();
        long third = firstId() + 2;

        tamper("DELETE FROM audit_record WHERE id = " + third);

        assertThat(link()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isZero();
        appendFive();
        assertThat(link()).isEqualTo(5);
        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).contains(third);
        assertThat(v.reason()).contains("deleted");
    }

    @Test
    @DisplayName("尚未链入时被改动的记录：核验指出它；封记器按其写入时的封记链入，核验仍指出它")
    void aRecordChangedBeforeItIsLinkedIsNamedBeforeAndAfter() {
        openWith(key);
        appendFive();
        long third = firstId() + 2;

        tamper("UPDATE audit_record SET summary = '改过的' WHERE id = " + third);

        AuditChain.Verdict before = adapters.verifyAuditTrail();
        assertThat(before.intact()).isFalse();
        assertThat(before.brokenAt()).contains(third);
        assertThat(before.reason()).contains("own seal");

        assertThat(link()).isEqualTo(5);
        AuditChain.Verdict after = adapters.verifyAuditTrail();
        assertThat(after.intact()).isFalse();
        assertThat(after.brokenAt()).contains(third);
        assertThat(after.reason()).contains("does not match its seal");
    }

    @Test
    @DisplayName("待链入的封记被改动：照样链入，核验指出该条记录")
    void aPendingSealChangedBeforeItIsLinkedIsNamed() {
        openWith(key);
        appendFive();
        long fourth = firstId() + 3;

        tamper("UPDATE audit_pending SET mac = '" + "0".repeat(64) + "' WHERE record_id = " + fourth);

        assertThat(link()).isEqualTo(5);
        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).contains(fourth);
        assertThat(v.checked()).isEqualTo(3);
    }

    @Test
    @DisplayName("升级前的链（链记录本身）与升级后的链（链记录的封记）核验为一条完整的链；两段中的改动都被指出")
    void linksOfRecordsAndLinksOfOwnSealsAreOneChain() {
        openWith(key);
        // two records from before the chain, linked at the next start at places 1 and 2; the head says the links of
        // own seals begin at place 3, as V39 says of a chain that had two links when it was applied
        tamper("INSERT INTO audit_record (at, user_id, action, summary) VALUES (CURRENT_TIMESTAMP, 'old', 'X', '旧1')",
                "INSERT INTO audit_record (at, user_id, action, summary) VALUES (CURRENT_TIMESTAMP, 'old', 'X', '旧2')",
                "UPDATE audit_chain SET legacy_upto = (SELECT MAX(id) FROM audit_record), head_seal = '', "
                        + "own_seal_links_from = 3");
        adapters = new PersistenceAdapters(database, key);
        appendFive();
        assertThat(link()).isEqualTo(5);

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(7);

        long second = firstId() + 1;
        long sixth = firstId() + 5;
        tamper("UPDATE audit_record SET summary = '改过的' WHERE id = " + sixth);
        assertThat(adapters.verifyAuditTrail().brokenAt()).contains(sixth);
        tamper("UPDATE audit_record SET summary = '改过的' WHERE id = " + second);
        assertThat(adapters.verifyAuditTrail().brokenAt()).contains(second);
    }

    @Test
    @DisplayName("链头所记的封记链起点被改到链尾之后：封记器拒绝链入并说明原因，记录仍各自封记、留待链入")
    void aHeadWhoseOwnSealPlaceWasMovedPastItsEndIsRefused() {
        openWith(key);
        appendFive();
        tamper("UPDATE audit_chain SET own_seal_links_from = 9");

        assertThatThrownBy(this::link).hasMessageContaining("head was changed");
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isZero();
        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).as("each by its own seal").isEqualTo(5);
    }

    @Test
    @DisplayName("实例停止前未链入的记录：下一次启动（或另一实例）时链入")
    void recordsLeftPendingByAStoppedInstanceAreLinkedAtTheNextStart() {
        openWith(key);
        appendFive();
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isEqualTo(5);

        adapters = new PersistenceAdapters(database, key);

        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(5);
        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
    }

    @Test
    @DisplayName("编号在前的记录后提交：先提交的先链入，后提交的随后链入，链完整")
    void recordsCommittedOutOfTheirOrderAreAllLinked() throws Exception {
        openWith(key);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = slow.submit(() -> adapters.transactions().inTransaction(() -> {
                adapters.auditTrail().append(record("slow", "先取号后提交"));
                written.countDown();
                try {
                    assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            adapters.transactions().inTransaction(() -> {
                adapters.auditTrail().append(record("fast", "后取号先提交"));
                return null;
            });

            assertThat(link()).as("only the committed record").isEqualTo(1);
            commit.countDown();
            first.get(30, TimeUnit.SECONDS);
            assertThat(link()).isEqualTo(1);
        } finally {
            slow.shutdownNow();
        }

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(2);
        long firstNumber = firstId();
        assertThat(count("SELECT link_no FROM audit_seal WHERE record_id = " + firstNumber)).isEqualTo(2);
    }

    @Test
    @DisplayName("多个线程同时写审计记录、后台封记器随时链入：都链入，链完整，停止时不留待链记录")
    void concurrentWritersAndTheBackgroundSealer() throws Exception {
        openWith(key);
        adapters.auditSealer().start();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(writers.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        int i = n;
                        adapters.transactions().inTransaction(() -> {
                            adapters.auditTrail().append(record("w" + thread, "第" + thread + "线程第" + i + "条"));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("SELECT COUNT(*) FROM audit_pending") > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the sealer links them a moment after commit
        }
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).as("linked in the background").isZero();
        adapters.auditSealer().close();

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(100);
    }

    @Test
    @DisplayName("改动一条记录：核验指出该条")
    void aChangedRecordIsNamed() {
        openWith(key);
        appendFive();
        link();
        long third = firstId() + 2;

        tamper("UPDATE audit_record SET summary = '改过的' WHERE id = " + third);

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).contains(third);
        assertThat(v.checked()).isEqualTo(2);
    }

    @Test
    @DisplayName("删除中间一条记录（连同其封记）：核验指出其后一条")
    void aDeletedRecordBreaksTheNext() {
        openWith(key);
        appendFive();
        link();
        long second = firstId() + 1;

        tamper("DELETE FROM audit_seal WHERE record_id = " + second, "DELETE FROM audit_record WHERE id = " + second);

        assertThat(adapters.verifyAuditTrail().brokenAt()).contains(second + 1);
    }

    @Test
    @DisplayName("插入一条没有封记的记录：核验指出它；之后应用继续写入也不会替它补上封记")
    void anInsertedRecordIsNamed() {
        openWith(key);
        appendFive();
        tamper("INSERT INTO audit_record (at, user_id, action, summary) VALUES (CURRENT_TIMESTAMP, 'x', 'X', '伪造')");
        long forged = firstId() + 5;
        appendFive();
        link();

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).contains(forged);
        assertThat(v.reason()).contains("no seal");
    }

    @Test
    @DisplayName("交换两条记录的内容（改变顺序）：核验指出前一条")
    void reorderedRecordsAreNamed() {
        openWith(key);
        appendFive();
        link();
        long a = firstId() + 1;
        long b = firstId() + 3;

        tamper("UPDATE audit_record SET summary = CASE WHEN id = " + a + " THEN '第4条记录' ELSE '第2条记录' END "
                + "WHERE id IN (" + a + ", " + b + ")");

        assertThat(adapters.verifyAuditTrail().brokenAt()).contains(a);
    }

    @Test
    @DisplayName("删去末尾的记录：核验发现链头与记录不符")
    void recordsCutFromTheEndAreFound() {
        openWith(key);
        appendFive();
        link();
        long last = firstId() + 4;

        tamper("DELETE FROM audit_seal WHERE record_id = " + last, "DELETE FROM audit_record WHERE id = " + last);

        AuditChain.Verdict v = adapters.verifyAuditTrail();
        assertThat(v.intact()).isFalse();
        assertThat(v.reason()).contains("removed from its end");
    }

    @Test
    @DisplayName("用另一把密钥核验：不通过；用另一把密钥启动的实例不往链中链入任何记录")
    void anotherKeyDoesNotVerify() {
        openWith(key);
        appendFive();

        PersistenceAdapters anotherKey = new PersistenceAdapters(database, AuditKey.ephemeral());
        AuditChain.Verdict v = anotherKey.verifyAuditTrail();

        assertThat(v.intact()).isFalse();
        assertThat(v.reason()).contains("key");
        // an instance started with another key links nothing into the chain: the records stay pending, intact
        assertThatThrownBy(() -> anotherKey.auditSealer().sealNow()).hasMessageContaining("audit key");
        assertThat(count("SELECT COUNT(*) FROM audit_seal")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_pending")).isEqualTo(5);
        AuditChain.Verdict own = adapters.verifyAuditTrail();
        assertThat(own.intact()).as(own.reason()).isTrue();
        assertThat(link()).isEqualTo(5);
    }

    @Test
    @DisplayName("升级前已有的审计记录在首次带密钥启动时补上封记，之后链完整")
    void recordsFromBeforeTheChainAreSealedOnce() {
        openWith(key);
        tamper("INSERT INTO audit_record (at, user_id, action, summary) VALUES (CURRENT_TIMESTAMP, 'old', 'X', '旧1')",
                "INSERT INTO audit_record (at, user_id, action, summary) VALUES (CURRENT_TIMESTAMP, 'old', 'X', '旧2')",
                "UPDATE audit_chain SET legacy_upto = (SELECT MAX(id) FROM audit_record), head_seal = ''");

        PersistenceAdapters reopened = new PersistenceAdapters(database, key);
        adapters = reopened;
        appendFive();

        AuditChain.Verdict v = reopened.verifyAuditTrail();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.checked()).isEqualTo(7);
    }
}
