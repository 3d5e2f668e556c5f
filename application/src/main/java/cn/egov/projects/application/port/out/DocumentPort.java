package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.StoredDocument;

import cn.egov.projects.domain.project.ProjectId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The documents attached to projects: content, size and SHA-256 checksum, kept for good. */
public interface DocumentPort {

    void store(StoredDocument document);

    Optional<StoredDocument> load(UUID id);

    /** The project's documents without their content, oldest first. */
    List<StoredDocument> listFor(ProjectId project);
}
