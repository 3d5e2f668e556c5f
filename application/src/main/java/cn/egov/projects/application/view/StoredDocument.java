package cn.egov.projects.application.view;

import cn.egov.projects.domain.project.ProjectId;

import java.time.Instant;
import java.util.UUID;

/**
 * A document attached to a project.
 *
 * @param content the bytes, or null in a listing
 * @param sha256  hex SHA-256 of the content
 * @param sm3     hex SM3 (GB/T 32905) of the content, computed when it is stored (null before: the store computes it);
 *                checked on every download
 */
public record StoredDocument(UUID id, ProjectId project, String fileName, String contentType, long size,
                             String sha256, String sm3, String kind, String uploadedBy, Instant uploadedAt,
                             byte[] content) {

    public StoredDocument withoutContent() {
        return new StoredDocument(id, project, fileName, contentType, size, sha256, sm3, kind, uploadedBy, uploadedAt,
                null);
    }
}
