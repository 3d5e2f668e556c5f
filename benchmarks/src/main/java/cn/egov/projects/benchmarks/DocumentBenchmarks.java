package cn.egov.projects.benchmarks;

import cn.egov.projects.domain.project.Project;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.project.DocumentText;
import cn.egov.projects.persistence.project.ProjectDocuments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A project's document (JMH): written from the snapshot of a whole life (some 6 kB of JSON, the accountable people's
 * contacts encrypted) and read back from its UTF-8 bytes, as every save and every load from the embedded database
 * does. {@code java -jar benchmarks/target/benchmarks.jar jmh DocumentBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class DocumentBenchmarks {

    private Project.Snapshot snapshot;
    private FieldCipher cipher;
    private DocumentText document;
    private UUID id;

    @Setup
    public void setUp() {
        snapshot = DomainLifecycle.taicang().whole(1).snapshot();
        cipher = FieldCipher.ephemeral();
        document = ProjectDocuments.write(snapshot, cipher);
        id = snapshot.id().value();
    }

    /** As a save on the embedded database writes it: the JSON of records written before is copied. */
    @Benchmark
    public DocumentText write() {
        return ProjectDocuments.write(snapshot, cipher, true);
    }

    /** As a save on PostgreSQL writes it (a project loaded there is read anew): every record written. */
    @Benchmark
    public DocumentText writeAll() {
        return ProjectDocuments.write(snapshot, cipher, false);
    }

    @Benchmark
    public Project.Snapshot read() {
        return ProjectDocuments.read(id, snapshot.version(), DocumentText.ofUtf8(document.utf8()), cipher);
    }
}
