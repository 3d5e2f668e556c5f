package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.project.ProjectId;

import java.util.List;
import java.util.UUID;

/** Documents of a project: attach within the configured size and types, list, and download intact. */
public interface DocumentUseCase {

    /**
     * Decides, before an upload is read, whether the person may attach a document to the project.
     *
     * @throws cn.egov.projects.application.error.NotFoundException  when the project does not exist or lies outside
     *                                                                their scope (a classified project included)
     * @throws cn.egov.projects.application.error.ForbiddenException when their role may not attach documents
     */
    void mayAttach(Caller caller, ProjectId project);

    StoredDocument attach(Caller caller, AttachDocumentCommand command);

    List<StoredDocument> list(Caller caller, ProjectId project);

    /** The document with its content, checked against its SHA-256 checksum. */
    StoredDocument download(Caller caller, ProjectId project, UUID document);
}
