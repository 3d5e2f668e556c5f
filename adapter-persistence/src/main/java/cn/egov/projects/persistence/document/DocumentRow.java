package cn.egov.projects.persistence.document;

import java.time.Instant;
import java.util.UUID;

/** A {@code document} row; {@code content} is null when a listing leaves it out. */
public record DocumentRow(UUID id, UUID projectId, String fileName, String contentType, long size, String sha256, String sm3,
                          String kind, String uploadedBy, Instant uploadedAt, byte[] content) {
}
