package cn.egov.projects.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads: who may upload to which project is decided before a byte of the body is read; the content must be what
 * the file name's extension says; the file name is bounded; an {@code Idempotency-Key} reused for another upload is
 * refused.
 */
@DisplayName("文档上传：先核对权限再读取文件；按文件头识别类型；文件名有上限；幂等键不能用于另一文件")
class UploadApiTest extends ConformingApiTest {

    private static final byte[] PDF = "%PDF-1.7 合同正文".getBytes(StandardCharsets.UTF_8);
    private static final String BOUNDARY = "----egov-test-boundary";

    private HttpResponse<Buffer> upload(String id, String user, String fileName, byte[] content, String key) {
        MultipartForm form = MultipartForm.create().attribute("kind", "项目合同")
                .binaryFileUpload("file", fileName, Buffer.buffer(content), "application/pdf");
        HttpRequest<Buffer> request = client.post("/api/projects/" + id + "/documents");
        if (user != null) {
            authenticated(request, user);
        }
        if (key != null) {
            request.putHeader("Idempotency-Key", key);
        }
        return OpenApi.conforms("POST", "/api/projects/" + id + "/documents", await(request.sendMultipartForm(form)));
    }

    private int stored(String id) {
        return call("GET", "/api/projects/" + id + "/documents", "police", null).bodyAsJsonObject()
                .getJsonArray("items").size();
    }

    /** A multipart body with the parts kind and file, and its closing boundary unless {@code truncated}. */
    private static byte[] multipart(String fileName, byte[] content, boolean truncated) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n项目合同\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(content);
        if (!truncated) {
            b.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return b.toByteArray();
    }

    private static String head(String id, String user, int contentLength) {
        return "POST /api/projects/" + id + "/documents HTTP/1.1\r\nHost: localhost\r\n"
                + (user == null ? "" : "Authorization: " + RawHttp.basic(user, PASSWORD) + "\r\n")
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    @Test
    @DisplayName("无权上传时（未登录401、他单位404、涉密项目404、审计局403）在发送文件内容之前就得到答复（Connection: close），随后的内容被丢弃")
    void accessIsDecidedBeforeTheBodyIsRead() throws IOException {
        String id = createDraft("police", "上传项目");
        JsonObject classified = profile("涉密项目", 2025).put("classified", true);
        String secret = post("/api/projects", "police", classified).bodyAsJsonObject().getString("id");
        byte[] body = multipart("合同.pdf", PDF, false);
        String[][] refusals = {{id, null, "401"}, {id, "health", "404"}, {secret, "bureau", "404"},
                {id, "auditor", "403"}, {"not-a-uuid", "police", "400"}};
        for (String[] refusal : refusals) {
            try (RawHttp http = new RawHttp(port)) {
                // only the head is sent: the answer comes without a byte of the body
                RawHttp.Answer answer = http.send(head(refusal[0], refusal[1], body.length)).read();
                assertThat(answer.status()).as(String.join(" ", refusal)).isEqualTo(Integer.parseInt(refusal[2]));
                // the body that follows is read and dropped, then the connection is closed as announced
                assertThat(answer.headers().get("connection")).isEqualTo("close");
                http.send(body);
                assertThat(http.awaitClose(5_000)).isLessThan(5_000);
            }
        }
        assertThat(stored(id)).isZero();
        // the allowed caller is asked to continue, and the upload is kept
        try (RawHttp http = new RawHttp(port)) {
            String head = head(id, "police", body.length).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n");
            assertThat(http.send(head).read().status()).isEqualTo(100);
            assertThat(http.send(body).read().status()).isEqualTo(201);
        }
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    @DisplayName("被拒绝的上传若继续发送超过1 MiB的内容，连接被关闭")
    void aRefusedUploadThatKeepsSendingIsCutOff() throws IOException {
        String id = createDraft("police", "上传项目");
        try (RawHttp http = new RawHttp(port)) {
            assertThat(http.send(head(id, "health", 4 * 1024 * 1024)).read().status()).isEqualTo(404);
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 64; i++) {
                    http.send(chunk);
                }
            } catch (IOException closed) {
                // the server closed the connection while we were still sending: what this test wants
            }
            assertThat(http.awaitClose(10_000)).isLessThan(10_000);
        }
    }

    @Test
    @DisplayName("文件内容与扩展名不符（改名为.pdf的程序）得到415，不保存")
    void contentMustMatchTheExtension() {
        String id = createDraft("police", "上传项目");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        HttpResponse<Buffer> r = upload(id, "police", "合同.pdf", exe, null);
        assertThat(r.statusCode()).isEqualTo(415);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getString("code")).isEqualTo("DOCUMENT_CONTENT_MISMATCH");
        assertThat(body.getString("field")).isEqualTo("file");
        assertThat(body.getString("message")).isEqualTo("文件内容与扩展名不符：「.pdf」文件应为PDF文档，上传的内容不是");
        HttpResponse<Buffer> text = upload(id, "police", "说明.txt", new byte[]{'a', 0, 'b'}, null);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.bodyAsJsonObject().getString("message")).contains("UTF-8");
        assertThat(stored(id)).isZero();
        HttpResponse<Buffer> ok = upload(id, "police", "说明.txt", "UTF-8的说明".getBytes(StandardCharsets.UTF_8), null);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.bodyAsJsonObject().getString("contentType")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    @DisplayName("3000字的文件名、含路径或控制字符的文件名得到400（fileName），不保存")
    void fileNamesAreBounded() {
        String id = createDraft("police", "上传项目");
        for (String name : new String[]{"长".repeat(3_000) + ".pdf", "..\\..\\evil.pdf", "a\u202Efdp.exe.pdf"}) {
            HttpResponse<Buffer> r = upload(id, "police", name, PDF, null);
            assertThat(r.statusCode()).as(name).isEqualTo(400);
            assertThat(r.bodyAsJsonObject().getString("field")).as(name.length() + " " + r.bodyAsString()).isEqualTo("fileName");
            assertThat(r.bodyAsString().length()).isLessThan(1_000);
        }
        assertThat(stored(id)).isZero();
    }

    @Test
    @DisplayName("不是multipart的上传得到415；两个文件或缺少文件得到400")
    void onlyOneMultipartFile() {
        String id = createDraft("police", "上传项目");
        HttpResponse<Buffer> json = await(client.post("/api/projects/" + id + "/documents")
                .basicAuthentication("police", PASSWORD).sendJsonObject(new JsonObject().put("file", "x")));
        assertThat(OpenApi.conforms("POST", "/api/projects/" + id + "/documents", json).statusCode()).isEqualTo(415);
        MultipartForm two = MultipartForm.create().attribute("kind", "合同")
                .binaryFileUpload("file", "a.pdf", Buffer.buffer(PDF), "application/pdf")
                .binaryFileUpload("file", "b.pdf", Buffer.buffer(PDF), "application/pdf");
        HttpResponse<Buffer> r = await(client.post("/api/projects/" + id + "/documents")
                .basicAuthentication("police", PASSWORD).sendMultipartForm(two));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getString("message")).isEqualTo("一次只能上传一个文件");
        HttpResponse<Buffer> none = await(client.post("/api/projects/" + id + "/documents")
                .basicAuthentication("police", PASSWORD).sendMultipartForm(MultipartForm.create()
                        .attribute("kind", "合同")));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(stored(id)).isZero();
    }

    @Test
    @DisplayName("Idempotency-Key：同一文件重试得到首次的答复；同一键用于另一文件（长度相同）或另一项目得到422")
    void idempotencyKeysOfUploads() {
        String id = createDraft("police", "上传项目");
        String other = createDraft("police", "另一项目");
        String key = "upload-0000000001";
        byte[] first = "%PDF-1.7 AAAA".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "%PDF-1.7 BBBB".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<Buffer> created = upload(id, "police", "合同.pdf", first, key);
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<Buffer> again = upload(id, "police", "合同.pdf", first, key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.bodyAsJsonObject().getString("id")).isEqualTo(created.bodyAsJsonObject().getString("id"));

        HttpResponse<Buffer> changed = upload(id, "police", "合同.pdf", second, key);
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(changed.bodyAsJsonObject().getString("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(changed.bodyAsJsonObject().getString("message")).contains("内容不同");
        HttpResponse<Buffer> renamed = upload(id, "police", "合同2.pdf", first, key);
        assertThat(renamed.statusCode()).isEqualTo(422);
        HttpResponse<Buffer> elsewhere = upload(other, "police", "合同.pdf", first, key);
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.bodyAsJsonObject().getString("message")).contains("另一地址");
        assertThat(stored(id)).isEqualTo(1);
        assertThat(stored(other)).isZero();
    }
}
