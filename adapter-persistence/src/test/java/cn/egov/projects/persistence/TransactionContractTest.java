package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.Account;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code TransactionPort}: one transaction per use case, shared by every adapter on the thread. */
abstract class TransactionContractTest extends PersistenceContractTest {

    private static final Instant NOW = Instant.parse("2025-03-01T02:03:04.123456Z");

    private Project newDraft() {
        return Project.draft(ProjectId.random(), new UnitId("T-" + UUID.randomUUID().toString().substring(0, 8)),
                Lifecycles.profile("事务测试项目", 2025, false, Category.BUSINESS_SYSTEM), Lifecycles.PACK.id(),
                LocalDate.of(2024, 7, 1));
    }

    private static AuditRecord audit(Project p, String summary) {
        return new AuditRecord(NOW, "user-1", Role.UNIT_STAFF, p.unit().code(), "DECLARE", "第七条",
                p.id().toString(), ProjectState.DRAFT, ProjectState.DECLARED, "req-1", "127.0.0.1", summary);
    }

    @Test
    @DisplayName("事务正常结束时项目、审计记录一并提交，并返回工作的结果")
    void workThatReturnsIsCommitted() {
        Project p = newDraft();
        String result = adapters.transactions().inTransaction(() -> {
            adapters.projects().insert(p);
            adapters.auditTrail().append(audit(p, "创建草稿"));
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(adapters.projects().load(p.id())).isPresent();
        assertThat(adapters.auditTrail().forProject(p.id().toString())).hasSize(1);
    }

    @Test
    @DisplayName("事务中抛出异常时全部回滚：项目更新、审计记录、申报期、文件和账号都不留痕迹")
    void workThatThrowsLeavesNoTrace() {
        Project p = newDraft();
        adapters.projects().insert(p);
        Project.Snapshot before = adapters.projects().load(p.id()).orElseThrow().snapshot();
        int year = 2300 + (int) (Math.random() * 500) % 500;
        UUID documentId = UUID.randomUUID();
        String username = "tx-" + UUID.randomUUID();
        long accountsBefore = adapters.accounts().count();
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            Project loaded = adapters.projects().load(p.id()).orElseThrow();
            loaded.editDraft(ProjectStoreContractTest.withName(loaded.profile(), "不应保存的名称"), Lifecycles.PACK);
            adapters.projects().update(loaded);
            adapters.auditTrail().append(audit(p, "不应保存的审计记录"));
            adapters.windows().save(new DeclarationWindow(year, LocalDate.of(year - 1, 7, 1),
                    LocalDate.of(year - 1, 7, 31)));
            byte[] content = "内容".getBytes(StandardCharsets.UTF_8);
            adapters.documents().store(new StoredDocument(documentId, p.id(), "a.txt", "text/plain", content.length,
                    DocumentAdapter.sha256Hex(content), null, "OTHER", "user-1", NOW, content));
            adapters.accounts().insert(new Account(UUID.randomUUID().toString(), username, "某人", Role.UNIT_STAFF,
                    p.unit(), null, null, "hash", true, Set.of()));
            // inside the transaction the changes are visible
            assertThat(adapters.projects().load(p.id()).orElseThrow().version()).isEqualTo(2);
            throw boom;
        })).isSameAs(boom);

        assertThat(adapters.projects().load(p.id()).orElseThrow().snapshot()).isEqualTo(before);
        assertThat(adapters.auditTrail().forProject(p.id().toString())).isEmpty();
        assertThat(adapters.windows().find(year)).isEmpty();
        assertThat(adapters.documents().load(documentId)).isEmpty();
        assertThat(adapters.accounts().findByUsername(username)).isEmpty();
        assertThat(adapters.accounts().count()).isEqualTo(accountsBefore);
    }

    @Test
    @DisplayName("嵌套调用加入外层事务：外层失败时内层写入的也一并回滚")
    void nestedCallsJoinTheOuterTransaction() {
        Project p = newDraft();
        RuntimeException failure = new RuntimeException("outer fails");
        assertThatThrownBy(() -> adapters.transactions().inTransaction(() -> {
            String inner = adapters.transactions().inTransaction(() -> {
                adapters.projects().insert(p);
                return "inner";
            });
            assertThat(inner).isEqualTo("inner");
            throw failure;
        })).isSameAs(failure);
        assertThat(adapters.projects().load(p.id())).isEmpty();
    }

    @Test
    @DisplayName("未提交的写入对其他线程不可见，提交后可见")
    void uncommittedWorkIsInvisibleToOtherThreads() throws Exception {
        Project p = newDraft();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> adapters.transactions().inTransaction(() -> {
            adapters.projects().insert(p);
            inserted.countDown();
            await(checked);
            return null;
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        Optional<Project> whileOpen = adapters.projects().load(p.id());
        checked.countDown();
        writer.get(10, TimeUnit.SECONDS);

        assertThat(whileOpen).isEmpty();
        assertThat(adapters.projects().load(p.id())).isPresent();
    }

    @Test
    @DisplayName("事务之外每次调用各自提交")
    void withoutATransactionEachCallCommits() {
        Project p = newDraft();
        adapters.projects().insert(p);
        adapters.auditTrail().append(audit(p, "单独提交"));
        assertThat(adapters.projects().load(p.id())).isPresent();
        assertThat(adapters.auditTrail().forProject(p.id().toString())).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
