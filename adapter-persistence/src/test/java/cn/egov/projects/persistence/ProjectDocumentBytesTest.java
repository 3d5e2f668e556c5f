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
        Project.Snapshot s = new Project.Snapshot(full.id(), full.unit(), full.policyId(), full.version(),
                ProjectStoreContractTest.withName(full.profile(), "平台\uD800b\uDC00c𠀀"), full.state(),
                full.suspendedFrom(), full.createdOn(), full.declaredOn(), full.supplementary(),
                full.higherLevelReportedOn(), full.reviews(), full.funding(), full.approval(), full.plan(),
                full.implementationPlan(), full.preProcurementReviews(), full.noProcurementReason(),
                full.substantiveStartOn(), full.contracts(), full.progressReports(), full.changes(),
                full.situationReports(), full.securityReviews(), full.trialStartOn(), full.selfInspection(),
                full.acceptances(), full.operatingFrom(), full.acceptanceReportOn(), full.finalAccountsOn(),
                full.finalAccountsAmount(), full.termination(), full.maintenanceArrangement(), full.deadlines());

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
        // a document written holds both: found again in the bytes H2 gives back and in the text PostgreSQL would
        DocumentText written = DocumentText.written("{\"a\":\"项目\"}");
        assertThat(written.sameAs(bytes)).isTrue();
        assertThat(bytes.sameAs(written)).isTrue();
        assertThat(written.sameAs(text)).isTrue();
        assertThat(written.sameAs(otherBytes)).isFalse();
        assertThat(written.sameAs(DocumentText.of("{\"a\": \"项目\"}"))).isFalse();
        assertThat(bytes.sameAs(null)).isFalse();
        // equality and the text across forms
        assertThat(bytes).isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(bytes.text()).isEqualTo(text.text());
        // what it prints says its size, never its content (contacts, names)
        assertThat(bytes.toString()).doesNotContain("项目").contains("bytes");
        assertThat(text.toString()).doesNotContain("项目").contains("chars");
    }
}
