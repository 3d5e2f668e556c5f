package cn.egov.projects.persistence;

import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.project.ProjectId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of {@code DocumentPort}: bytes, size and checksum kept exactly, listed without content. */
abstract class DocumentContractTest extends PersistenceContractTest {

    private static StoredDocument document(ProjectId project, String name, byte[] content, Instant at) {
        return new StoredDocument(UUID.randomUUID(), project, name, "application/pdf", content.length,
                DocumentAdapter.sha256Hex(content),
                cn.egov.projects.persistence.crypto.Sm3.of(content), "CONTRACT", "user-7", at, content);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    @DisplayName("文件内容逐字节原样读回，大小和校验值不变")
    void contentRoundTrips() {
        ProjectId project = ProjectId.random();
        byte[] content = randomBytes(70_000, 1);
        StoredDocument stored = document(project, "合同（盖章版）.pdf", content, Instant.parse("2025-03-15T01:02:03.456789Z"));
        adapters.documents().store(stored);

        StoredDocument loaded = adapters.documents().load(stored.id()).orElseThrow();
        assertThat(loaded.content()).isEqualTo(content);
        assertThat(loaded).usingRecursiveComparison().isEqualTo(stored);
        assertThat(DocumentAdapter.sha256Hex(loaded.content())).isEqualTo(stored.sha256());
    }

    @Test
    @DisplayName("几兆字节的大文件和空文件都原样保存")
    void largeAndEmptyContent() {
        ProjectId project = ProjectId.random();
        byte[] large = randomBytes(5 * 1024 * 1024 + 17, 2);
        StoredDocument big = document(project, "测试报告.pdf", large, Instant.parse("2025-04-01T00:00:00Z"));
        StoredDocument empty = document(project, "空白.txt", new byte[0], Instant.parse("2025-04-02T00:00:00Z"));
        adapters.documents().store(big);
        adapters.documents().store(empty);

        assertThat(adapters.documents().load(big.id()).orElseThrow().content()).isEqualTo(large);
        assertThat(adapters.documents().load(empty.id()).orElseThrow().content()).isEmpty();
    }

    @Test
    @DisplayName("项目的文件按上传先后列出，不带内容，也不混入其他项目的文件")
    void listingIsOldestFirstWithoutContent() {
        ProjectId project = ProjectId.random();
        StoredDocument later = document(project, "验收报告.pdf", "b".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2025-06-01T00:00:00Z"));
        StoredDocument earlier = document(project, "实施方案.docx", "a".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2025-01-20T00:00:00Z"));
        adapters.documents().store(later);
        adapters.documents().store(earlier);
        adapters.documents().store(document(ProjectId.random(), "别的.pdf", new byte[] {1},
                Instant.parse("2025-01-01T00:00:00Z")));

        assertThat(adapters.documents().listFor(project))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(earlier.withoutContent(), later.withoutContent());
    }

    @Test
    @DisplayName("校验值或大小与内容不符的文件不予保存")
    void aMismatchingChecksumIsRefused() {
        ProjectId project = ProjectId.random();
        byte[] content = "原文".getBytes(StandardCharsets.UTF_8);
        StoredDocument wrongSum = new StoredDocument(UUID.randomUUID(), project, "a.txt", "text/plain",
                content.length, DocumentAdapter.sha256Hex("篡改".getBytes(StandardCharsets.UTF_8)), null, "OTHER", "u",
                Instant.parse("2025-01-01T00:00:00Z"), content);
        StoredDocument wrongSize = new StoredDocument(UUID.randomUUID(), project, "b.txt", "text/plain",
                content.length + 1, DocumentAdapter.sha256Hex(content), null, "OTHER", "u",
                Instant.parse("2025-01-01T00:00:00Z"), content);

        assertThatThrownBy(() -> adapters.documents().store(wrongSum)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> adapters.documents().store(wrongSize)).isInstanceOf(IllegalArgumentException.class);
        assertThat(adapters.documents().listFor(project)).isEmpty();
    }

    @Test
    @DisplayName("已保存的文件不会被同一编号的文件覆盖")
    void aStoredDocumentIsNeverReplaced() {
        ProjectId project = ProjectId.random();
        StoredDocument original = document(project, "原件.pdf", new byte[] {1, 2, 3}, Instant.parse("2025-01-01T00:00:00Z"));
        adapters.documents().store(original);
        byte[] other = {9, 9};
        StoredDocument sameId = new StoredDocument(original.id(), project, "替换.pdf", "application/pdf", other.length,
                DocumentAdapter.sha256Hex(other), null, "CONTRACT", "user-8", Instant.parse("2025-02-01T00:00:00Z"), other);

        assertThatThrownBy(() -> adapters.documents().store(sameId)).isInstanceOf(IllegalStateException.class);
        assertThat(adapters.documents().load(original.id()).orElseThrow())
                .usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    @DisplayName("读取不存在的文件得到空结果")
    void unknownDocumentIsEmpty() {
        assertThat(adapters.documents().load(UUID.randomUUID())).isEmpty();
    }
}
