package cn.egov.projects.application.service;

import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.PayloadTooLargeException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.project.ProjectId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import static cn.egov.projects.application.fake.People.audit;
import static cn.egov.projects.application.fake.People.healthStaff;
import static cn.egov.projects.application.fake.People.policeStaff;
import static cn.egov.projects.application.fake.People.smartPolicePlatform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentServiceTest {

    private final FakeWorld world = new FakeWorld(LocalDate.of(2025, 4, 28));
    private final DocumentService documents = new DocumentService(world.ports, world.documents,
            new DocumentRules(1024, Set.of("pdf", ".DOCX")));
    private final ProjectId project = world.declarations.createDraft(policeStaff(),
            new CreateDraftCommand(smartPolicePlatform(2025)));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("上传的文档带SHA-256校验值保存，下载内容完全一致，并留有操作记录")
    void anUploadIsKeptWithItsChecksum() {
        StoredDocument stored = documents.attach(policeStaff(),
                new AttachDocumentCommand(project, "项目合同", "合同.pdf", "application/pdf", bytes("%PDF-1.7 合同")));

        assertThat(stored.sha256()).isEqualTo(DocumentService.sha256(bytes("%PDF-1.7 合同")));
        assertThat(stored.size()).isEqualTo(bytes("%PDF-1.7 合同").length);
        assertThat(documents.list(policeStaff(), project)).extracting(StoredDocument::fileName).containsExactly("合同.pdf");
        assertThat(documents.download(policeStaff(), project, stored.id()).content()).isEqualTo(bytes("%PDF-1.7 合同"));
        assertThat(world.audit.forProject(project.toString())).last()
                .satisfies(r -> assertThat(r.summary()).contains("项目合同", "合同.pdf", stored.sha256()));
        assertThat(new DocumentRules(1, Set.of("DOCX")).allows("方案.docx")).isTrue();
    }

    @Test
    @DisplayName("超过大小限制或不在允许类型内的文件被拒绝，不保存任何内容")
    void limitsAreEnforced() {
        assertThatThrownBy(() -> documents.attach(policeStaff(), new AttachDocumentCommand(project, "方案",
                "方案.pdf", null, new byte[1025]))).isInstanceOfSatisfying(PayloadTooLargeException.class,
                e -> assertThat(e.limitBytes()).isEqualTo(1024));
        assertThatThrownBy(() -> documents.attach(policeStaff(), new AttachDocumentCommand(project, "方案",
                "方案.exe", null, bytes("MZ")))).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.messageZh()).contains("不支持的文件类型").contains("pdf"));
        assertThatThrownBy(() -> new AttachDocumentCommand(project, "方案", "../../etc/passwd.pdf", null, bytes("x")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.field()).isEqualTo("fileName"));
        assertThat(world.documents.listFor(project)).isEmpty();
    }

    @Test
    @DisplayName("其他单位看不到文档；审计局可以查看但不能上传")
    void accessFollowsTheProject() {
        StoredDocument stored = documents.attach(policeStaff(),
                new AttachDocumentCommand(project, "方案", "方案.pdf", null, bytes("x")));
        assertThatThrownBy(() -> documents.download(healthStaff(), project, stored.id())).isInstanceOf(NotFoundException.class);
        assertThat(documents.download(audit(), project, stored.id()).content()).isEqualTo(bytes("x"));
        assertThatThrownBy(() -> documents.attach(audit(), new AttachDocumentCommand(project, "方案", "b.pdf", null,
                bytes("y")))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    @DisplayName("存储中被篡改的文档在下载时被发现")
    void tamperingIsDetected() {
        StoredDocument stored = documents.attach(policeStaff(),
                new AttachDocumentCommand(project, "方案", "方案.pdf", null, bytes("original")));
        StoredDocument full = world.documents.load(stored.id()).orElseThrow();
        world.documents.store(new StoredDocument(full.id(), full.project(), full.fileName(), full.contentType(),
                full.size(), full.sha256(), full.kind(), full.uploadedBy(), full.uploadedAt(), bytes("tampered")));
        assertThatThrownBy(() -> documents.download(policeStaff(), project, stored.id()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SHA-256");
    }
}
