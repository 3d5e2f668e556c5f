package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.DocumentPort;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.application.error.DocumentIntegrityException;
import cn.egov.projects.persistence.crypto.Sm3;
import cn.egov.projects.persistence.document.DocumentDao;
import cn.egov.projects.persistence.document.DocumentRow;
import cn.egov.projects.persistence.document.DocumentMapper;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents in the {@code document} table, content included ({@link DocumentPort}). A document is kept for good:
 * it is stored once and never replaced. Its SM3 digest (GB/T 32905) is computed when it is stored; its size, SHA-256
 * and SM3 are checked against the content when it is stored and again when it is loaded, so that a damaged or
 * altered document is never handed out as if it were whole ({@link DocumentIntegrityException}).
 */
public final class DocumentAdapter implements DocumentPort {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentAdapter.class);

    private final Sessions sessions;

    DocumentAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /**
     * @throws IllegalArgumentException when the content is missing or does not match the size or SHA-256 given
     * @throws IllegalStateException    when a document with this id is already stored
     */
    @Override
    public void store(StoredDocument document) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(document.id(), "id");
        Objects.requireNonNull(document.project(), "project");
        if (document.content() == null) {
            throw new IllegalArgumentException("document " + document.id() + " has no content");
        }
        String problem = mismatch(document.content(), document.size(), document.sha256());
        if (problem != null) {
            throw new IllegalArgumentException("document " + document.id() + ": " + problem);
        }
        String sm3 = Sm3.of(document.content());
        if (document.sm3() != null && !document.sm3().equalsIgnoreCase(sm3)) {
            throw new IllegalArgumentException("document " + document.id() + ": the content's SM3 is " + sm3
                    + ", not " + document.sm3());
        }
        var given = DocumentMapper.INSTANCE.toRow(document);
        var row = new DocumentRow(given.id(), given.projectId(), given.fileName(), given.contentType(), given.size(),
                given.sha256(), sm3, given.kind(), given.uploadedBy(), given.uploadedAt(), given.content());
        try {
            sessions.call(s -> {
                s.getMapper(DocumentDao.class).insert(row);
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("document " + document.id() + " is already stored", e);
            }
            throw e;
        }
    }

    /**
     * @throws DocumentIntegrityException when the stored content no longer matches its size, SHA-256 or SM3 (a
     *                                    document stored before SM3 digests without one is checked by SHA-256)
     */
    @Override
    public Optional<StoredDocument> load(UUID id) {
        Objects.requireNonNull(id, "id");
        Optional<StoredDocument> found = Optional.ofNullable(sessions.call(s -> s.getMapper(DocumentDao.class).find(id)))
                .map(DocumentMapper.INSTANCE::toDocument);
        found.ifPresent(d -> {
            String problem = mismatch(d.content(), d.size(), d.sha256());
            if (problem == null && d.sm3() != null && !Sm3.of(d.content()).equalsIgnoreCase(d.sm3())) {
                problem = "the content's SM3 is " + Sm3.of(d.content()) + ", not " + d.sm3();
            }
            if (problem != null) {
                LOG.error("stored document {} failed its integrity check: {}", id, problem);
                throw new DocumentIntegrityException(id, problem);
            }
        });
        return found;
    }

    @Override
    public List<StoredDocument> listFor(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return sessions.call(s -> s.getMapper(DocumentDao.class).listFor(project.value())).stream()
                .map(DocumentMapper.INSTANCE::toDocument).toList();
    }

    /** What is wrong with the content against its size and checksum, or null when nothing. */
    private static String mismatch(byte[] content, long size, String sha256) {
        if (content == null) {
            return "the content is missing";
        }
        if (content.length != size) {
            return "the content has " + content.length + " bytes, not " + size;
        }
        String actual = sha256Hex(content);
        if (sha256 == null || !actual.equalsIgnoreCase(sha256)) {
            return "the content's SHA-256 is " + actual + ", not " + sha256;
        }
        return null;
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
