package cn.egov.projects.web;

import cn.egov.projects.application.view.StoredDocument;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("文档完整性：下载前核对摘要；存储的内容被改动时拒绝下载（409 DOCUMENT_INTEGRITY_FAILED），并记入安全审计")
class DocumentIntegrityApiTest extends ConformingApiTest {

    private static final byte[] PDF = "%PDF-1.7 项目合同正文".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("改动存储内容后下载：409，中文说明和代码，不是500，不返回内容；记入安全审计")
    void anAlteredDocumentIsNotHandedOut() {
        String id = createDraft("police", "智慧警务");
        MultipartForm form = MultipartForm.create().attribute("kind", "项目合同")
                .binaryFileUpload("file", "合同.pdf", Buffer.buffer(PDF), "application/pdf");
        HttpResponse<Buffer> uploaded = OpenApi.conforms("POST", "/api/projects/" + id + "/documents",
                await(client.post("/api/projects/" + id + "/documents").basicAuthentication("police", PASSWORD)
                        .sendMultipartForm(form)));
        assertThat(uploaded.statusCode()).isEqualTo(201);
        String documentId = uploaded.bodyAsJsonObject().getString("id");
        String path = "/api/projects/" + id + "/documents/" + documentId;
        assertThat(call("GET", path, "police", null).body().getBytes()).isEqualTo(PDF);

        // behind the application's back: the stored bytes changed, the recorded digests kept
        StoredDocument stored = world.documents.load(UUID.fromString(documentId)).orElseThrow();
        byte[] altered = PDF.clone();
        altered[altered.length - 1] ^= 1;
        world.documents.store(new StoredDocument(stored.id(), stored.project(), stored.fileName(),
                stored.contentType(), stored.size(), stored.sha256(), stored.sm3(), stored.kind(), stored.uploadedBy(),
                stored.uploadedAt(), altered));

        HttpResponse<Buffer> refused = call("GET", path, "police", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("DOCUMENT_INTEGRITY_FAILED");
        assertThat(refused.bodyAsJsonObject().getString("message")).startsWith("文档完整性校验失败").contains("SM3");
        assertThat(refused.bodyAsString()).doesNotContain("项目合同正文");
        assertThat(world.audit.all()).filteredOn(r -> "DOCUMENT_INTEGRITY_FAILED".equals(r.action())).singleElement()
                .satisfies(r -> {
                    assertThat(r.projectId()).isEqualTo(id);
                    assertThat(r.summary()).contains(documentId);
                });
    }
}
