package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.ProjectId;

import java.time.Instant;
import java.util.UUID;

/**
 * A document attached to a project.
 *
 * @param content the bytes, or null in a listing
 * @param sha256  hex SHA-256 of the content
 */
public record StoredDocument(UUID id, ProjectId project, String fileName, String contentType, long size,
                             String sha256, String kind, String uploadedBy, Instant uploadedAt, byte[] content) {

    public StoredDocument withoutContent() {
        return new StoredDocument(id, project, fileName, contentType, size, sha256, kind, uploadedBy, uploadedAt, null);
    }
}
