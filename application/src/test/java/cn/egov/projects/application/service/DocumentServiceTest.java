package cn.egov.projects.application.service;

import cn.egov.projects.application.error.DocumentIntegrityException;
import cn.egov.projects.application.error.ContentMismatchException;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.PayloadTooLargeException;
import cn.egov.projects.application.fake.FakeWorld;
import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.CreateDraftCommand;
import cn.egov.projects.application.port.in.DeclareSupplementaryCommand;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.in.DocumentTypes;
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
                new AttachDocumentCommand(project, "方案", "方案.pdf", null, bytes("%PDF-x")));
        assertThatThrownBy(() -> documents.download(healthStaff(), project, stored.id())).isInstanceOf(NotFoundException.class);
        // a draft is its unit's own: Audit sees it, and its documents, once it is declared (RULES.md §1)
        assertThatThrownBy(() -> documents.download(audit(), project, stored.id())).isInstanceOf(NotFoundException.class);
        world.declarations.declareSupplementary(policeStaff(), new DeclareSupplementaryCommand(project, null,
                "省级明确建设要求", "可行性研究方案"));
        assertThat(documents.download(audit(), project, stored.id()).content()).isEqualTo(bytes("%PDF-x"));
        assertThatThrownBy(() -> documents.attach(audit(), new AttachDocumentCommand(project, "方案", "b.pdf", null,
                bytes("%PDF-y")))).isInstanceOf(ForbiddenException.class);
        // decided before an upload is read: the same answers without any content
        documents.mayAttach(policeStaff(), project);
        assertThatThrownBy(() -> documents.mayAttach(healthStaff(), project)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents.mayAttach(audit(), project)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> documents.mayAttach(policeStaff(), ProjectId.random()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("存储中被篡改的文档在下载时被发现")
    void tamperingIsDetected() {
        StoredDocument stored = documents.attach(policeStaff(),
                new AttachDocumentCommand(project, "方案", "方案.pdf", null, bytes("%PDF-original")));
        StoredDocument full = world.documents.load(stored.id()).orElseThrow();
        world.documents.store(new StoredDocument(full.id(), full.project(), full.fileName(), full.contentType(),
                full.size(), full.sha256(), full.sm3(), full.kind(), full.uploadedBy(), full.uploadedAt(), bytes("tampered")));
        assertThatThrownBy(() -> documents.download(policeStaff(), project, stored.id()))
                .isInstanceOf(DocumentIntegrityException.class).hasMessageContaining("SHA-256");
    }

    @Test
    @DisplayName("文件内容须与扩展名相符：改名的程序、网页被拒绝，不保存；保存的内容类型按识别结果，不按上传者所称")
    void contentMustMatchTheExtension() {
        DocumentService all = new DocumentService(world.ports, world.documents,
                new DocumentRules(1024, Set.of("pdf", "docx", "doc", "txt", "png", "jpg", "zip", "ofd")));
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        for (String name : new String[]{"合同.pdf", "方案.docx", "方案.doc", "图.png", "图.jpg", "包.zip", "报告.ofd"}) {
            assertThatThrownBy(() -> all.attach(policeStaff(), new AttachDocumentCommand(project, "方案", name,
                    "application/pdf", exe))).as(name).isInstanceOfSatisfying(ContentMismatchException.class, e -> {
                        assertThat(e.field()).isEqualTo("file");
                        assertThat(e.messageZh()).startsWith("文件内容与扩展名不符");
                    });
        }
        assertThatThrownBy(() -> all.attach(policeStaff(), new AttachDocumentCommand(project, "说明", "说明.txt",
                "text/plain", new byte[]{'a', 0, 'b'}))).isInstanceOf(ContentMismatchException.class);
        assertThatThrownBy(() -> all.attach(policeStaff(), new AttachDocumentCommand(project, "说明", "说明.txt",
                "text/plain", new byte[]{(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3})))
                .as("GBK, not UTF-8").isInstanceOfSatisfying(ContentMismatchException.class,
                        e -> assertThat(e.messageZh()).contains("UTF-8"));
        // a PDF named .docx is refused too: the extension and the content must agree
        assertThatThrownBy(() -> all.attach(policeStaff(), new AttachDocumentCommand(project, "方案", "方案.docx",
                null, bytes("%PDF-1.7")))).isInstanceOf(ContentMismatchException.class);
        assertThat(world.documents.listFor(project)).isEmpty();

        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0};
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
        assertThat(all.attach(policeStaff(), new AttachDocumentCommand(project, "方案", "方案.docx", "text/html", zip))
                .contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(all.attach(policeStaff(), new AttachDocumentCommand(project, "方案", "旧方案.DOC", null, ole2))
                .contentType()).isEqualTo("application/msword");
        assertThat(all.attach(policeStaff(), new AttachDocumentCommand(project, "图", "现场.png", null, png))
                .contentType()).isEqualTo("image/png");
        assertThat(all.attach(policeStaff(), new AttachDocumentCommand(project, "说明", "说明.txt", null,
                bytes("\uFEFF说明：UTF-8文本"))).contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(all.attach(policeStaff(), new AttachDocumentCommand(project, "报告", "报告.ofd", null, zip))
                .contentType()).isEqualTo("application/ofd");
        assertThat(world.documents.listFor(project)).hasSize(5);
    }

    @Test
    @DisplayName("文件名：最多200字，不能含路径、控制字符或改变文字方向的格式字符")
    void fileNames() {
        assertThat(AttachDocumentCommand.fileName(" 合同.pdf ")).isEqualTo("合同.pdf");
        assertThat(AttachDocumentCommand.fileName("甲".repeat(196) + ".pdf")).hasSize(200);
        for (String bad : new String[]{"甲".repeat(197) + ".pdf", "a/b.pdf", "a\\b.pdf", ".hidden.pdf", "a\tb.pdf",
                "invoice\u202Efdp.exe", "  ", "a\u0000.pdf"}) {
            assertThatThrownBy(() -> AttachDocumentCommand.fileName(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidCommandException.class,
                            e -> assertThat(e.field()).isEqualTo("fileName"));
        }
    }

    @Test
    @DisplayName("允许的文件类型须是能按内容识别的类型")
    void allowedTypesMustBeRecognisable() {
        assertThatThrownBy(() -> new DocumentRules(1024, Set.of("pdf", "exe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exe");
        assertThat(DocumentRules.standard().allowedExtensions()).allMatch(DocumentTypes::isKnown);
    }
}
