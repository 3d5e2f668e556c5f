package cn.egov.projects.application.error;

import java.util.UUID;

/**
 * A stored document whose content no longer matches the digests recorded when it was uploaded (SM3, SHA-256, size):
 * altered or damaged behind the application's back. It is not handed out; the refusal is recorded in the security
 * audit trail and answered {@code DOCUMENT_INTEGRITY_FAILED}.
 */
public final class DocumentIntegrityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID document;

    public DocumentIntegrityException(UUID document, String problem) {
        super("stored document " + document + " failed its integrity check: " + problem);
        this.document = document;
    }

    /** The document that failed its check. */
    public UUID document() {
        return document;
    }
}
