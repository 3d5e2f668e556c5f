package cn.egov.projects.persistence;

import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.project.DocumentText;
import cn.egov.projects.persistence.project.ProjectDocuments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A document is written as UTF-8 bytes and read from bytes (the embedded database) or from text (PostgreSQL) to the
 * same snapshot; the stored documents are compared in the form they came in.
 */
class ProjectDocumentBytesTest {

    private final FieldCipher cipher = FieldCipher.ephemeral();

    @Test
    void aDocumentWrittenAsBytesReadsTheSameFromItsBytesAndFromItsText() {
        Project project = Lifecycles.fullLife(new UnitId("BYTES"), p -> {
        });
        Project.Snapshot snapshot = project.snapshot();
        UUID id = snapshot.id().value();

        DocumentText written = ProjectDocuments.write(snapshot, cipher);
        String text = written.text();
        assertThat(text).startsWith("{\"format\":" + ProjectDocuments.FORMAT + ",\"id\":")
                .contains("太仓市一网通办平台（二期）🏛")
                .doesNotContain("\"version\"");
        assertThat(written.utf8()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));

        Project.Snapshot fromBytes = ProjectDocuments.read(id, snapshot.version(), written, cipher);
        Project.Snapshot fromText = ProjectDocuments.read(id, snapshot.version(), DocumentText.of(text), cipher);
        assertThat(fromBytes).isEqualTo(snapshot).isEqualTo(fromText);
        assertThat(ProjectDocuments.read(id, 7, written, cipher).version()).isEqualTo(7);
    }

    @Test
    void aDocumentOfAnEarlierFormatIsUpgradedFromItsBytesAsFromItsText() {
        Project project = Lifecycles.fullLife(new UnitId("BYTES"), p -> {
        });
        Project.Snapshot snapshot = project.snapshot();
        String current = ProjectDocuments.write(snapshot, cipher).text();
        String goal = snapshot.profile().performanceGoals().get(0).indicator();
        // format 1 wrote a performance goal as a line of text
        String older = current.replaceFirst("\"format\":" + ProjectDocuments.FORMAT, "\"format\":1")
                .replaceFirst("\\{\"indicator\":\"" + java.util.regex.Pattern.quote(goal) + "\"[^}]*}",
                        java.util.regex.Matcher.quoteReplacement("\"" + goal + "\""));
        assertThat(older).isNotEqualTo(current);
        UUID id = snapshot.id().value();

        Project.Snapshot fromBytes = ProjectDocuments.read(id, 3,
                DocumentText.ofUtf8(older.getBytes(StandardCharsets.UTF_8)), cipher);
        Project.Snapshot fromText = ProjectDocuments.read(id, 3, DocumentText.of(older), cipher);
        assertThat(fromBytes).isEqualTo(fromText);
        assertThat(fromBytes.profile().performanceGoals().get(0).indicator()).isEqualTo(goal);
    }

    @Test
    void anUnpairedSurrogateFromHostileInputIsWrittenAsAQuestionMarkAndSwallowsNothing() throws Exception {
        Project.Snapshot full = Lifecycles.fullLife(new UnitId("BYTES"), p -> {
        }).snapshot();
        Project.Snapshot s = withName(full, "平台\uD800b\uDC00c𠀀");

        DocumentText written = ProjectDocuments.write(s, cipher);
        // the bytes are well-formed UTF-8 (a strict decoder accepts them) and valid JSON
        String decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(written.utf8())).toString();
        assertThat(decoded).contains("平台?b?c𠀀").doesNotContain("\\u");
        // equal to the bytes the embedded database gives back, with the same hash
        DocumentText stored = DocumentText.ofUtf8(written.utf8().clone());
        assertThat(written).isEqualTo(stored).hasSameHashCodeAs(stored);
        assertThat(ProjectDocuments.read(s.id().value(), 1, written, cipher).profile().name())
                .isEqualTo("平台?b?c𠀀");
    }

    @Test
    void everyStringIsWrittenAsItsTextWouldBeEncodedAndUnpairedSurrogatesAsQuestionMarks() throws Exception {
        Project.Snapshot full = Lifecycles.fullLife(new UnitId("BYTES"), p -> {
        }).snapshot();
        String[][] cases = {
                // entered → stored
                {"平台🏛𠀀", "平台🏛𠀀"},
                {"末\uD800", "末?"},
                {"\uDC00首", "?首"},
                {"\uD800\uD83C\uDFDB", "?🏛"},
                {"\uD83C\uDFDB\uDFDB", "🏛?"},
                {"引号\"反斜杠\\换行\n制表\t\u0001\u2028", "引号\"反斜杠\\换行\n制表\t\u0001\u2028"},
        };
        for (String[] c : cases) {
            Project.Snapshot s = withName(full, c[0]);
            DocumentText written = ProjectDocuments.write(s, cipher);
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(written.utf8())).toString();
            // the bytes are the text's UTF-8, characters beyond the BMP as themselves, not as escapes
            assertThat(written.utf8()).isEqualTo(decoded.getBytes(StandardCharsets.UTF_8));
            assertThat(decoded).doesNotContain("\\uD8", "\\ud8", "\\uDC", "\\udc");
            assertThat(ProjectDocuments.read(s.id().value(), 1, written, cipher).profile().name())
                    .as("%s", c[1]).isEqualTo(c[1]);
            assertThat(ProjectDocuments.read(s.id().value(), 1, DocumentText.of(decoded), cipher).profile().name())
                    .isEqualTo(c[1]);
        }
    }

    private static Project.Snapshot withName(Project.Snapshot full, String name) {
        return new Project.Snapshot(full.id(), full.unit(), full.policyId(), full.version(),
                ProjectStoreContractTest.withName(full.profile(), name), full.state(),
                full.suspendedFrom(), full.createdOn(), full.declaredOn(), full.supplementary(),
                full.higherLevelReportedOn(), full.reviews(), full.funding(), full.approval(), full.plan(),
                full.implementationPlan(), full.preProcurementReviews(), full.noProcurementReason(),
                full.substantiveStartOn(), full.contracts(), full.progressReports(), full.changes(),
                full.situationReports(), full.securityReviews(), full.trialStartOn(), full.selfInspection(),
                full.acceptances(), full.operatingFrom(), full.acceptanceReportOn(), full.finalAccountsOn(),
                full.finalAccountsAmount(), full.termination(), full.maintenanceArrangement(), full.deadlines());
    }

    @Test
    void bytesThatAreNotAnObjectAreRefusedAsTextIs() {
        UUID id = UUID.randomUUID();
        for (DocumentText bad : new DocumentText[]{DocumentText.ofUtf8("[1]".getBytes(StandardCharsets.UTF_8)),
                DocumentText.of("[1]")}) {
            assertThatThrownBy(() -> ProjectDocuments.read(id, 1, bad, cipher))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a JSON object");
        }
        assertThatThrownBy(() -> ProjectDocuments.read(id, 1,
                DocumentText.ofUtf8("{\"format\":9}".getBytes(StandardCharsets.UTF_8)), cipher))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 9");
    }

    @Test
    void storedDocumentsAreComparedOnlyInTheFormTheyCameIn() {
        DocumentText bytes = DocumentText.ofUtf8("{\"a\":\"项目\"}".getBytes(StandardCharsets.UTF_8));
        DocumentText sameBytes = DocumentText.ofUtf8("{\"a\":\"项目\"}".getBytes(StandardCharsets.UTF_8));
        DocumentText otherBytes = DocumentText.ofUtf8("{\"a\":\"项日\"}".getBytes(StandardCharsets.UTF_8));
        DocumentText text = DocumentText.of("{\"a\":\"项目\"}");

        assertThat(bytes.sameAs(sameBytes)).isTrue();
        assertThat(bytes.sameAs(otherBytes)).isFalse();
        assertThat(text.sameAs(DocumentText.of("{\"a\":\"项目\"}"))).isTrue();
        assertThat(text.sameAs(DocumentText.of("{\"a\": \"项目\"}"))).isFalse();
        // bytes against text: not compared (the caller parses), never taken for the same
        assertThat(bytes.sameAs(text)).isFalse();
        assertThat(text.sameAs(bytes)).isFalse();
        // a document just written is its bytes: found again in the bytes H2 gives back
        Project.Snapshot snapshot = Lifecycles.fullLife(new UnitId("BYTES"), p -> {
        }).snapshot();
        DocumentText written = ProjectDocuments.write(snapshot, cipher);
        assertThat(written.sameAs(DocumentText.ofUtf8(written.utf8().clone()))).isTrue();
        assertThat(written.sameAs(DocumentText.of(written.text()))).isFalse();
        assertThat(bytes.sameAs(null)).isFalse();
        // equality and the text across forms
        assertThat(bytes).isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(bytes.text()).isEqualTo(text.text());
        // what it prints says its size, never its content (contacts, names)
        assertThat(bytes.toString()).doesNotContain("项目").contains("bytes");
        assertThat(text.toString()).doesNotContain("项目").contains("chars");
    }
}
