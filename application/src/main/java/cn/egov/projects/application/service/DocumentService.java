package cn.egov.projects.application.service;

import cn.egov.projects.domain.rule.Provision;
import cn.egov.projects.application.error.ContentMismatchException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.error.NotFoundException;
import cn.egov.projects.application.error.DocumentIntegrityException;
import cn.egov.projects.application.error.PayloadTooLargeException;
import cn.egov.projects.application.port.in.AttachDocumentCommand;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.DocumentRules;
import cn.egov.projects.application.port.in.DocumentTypes;
import cn.egov.projects.application.port.in.DocumentUseCase;
import cn.egov.projects.application.port.out.DocumentPort;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The documents of a project's life. Whether a person may attach a document to a project is decided before the
 * upload is read ({@link #mayAttach}); an upload is checked against the configured size limit and type allow-list,
 * its content against its extension ({@link DocumentTypes}: a file is what its first bytes say, not what its name
 * or declared content type claims), stored with its SHA-256 checksum and the media type of its recognised type in
 * the same transaction as its audit record, and verified on every download.
 */
public final class DocumentService implements DocumentUseCase {

    private final Lifecycle lifecycle;
    private final DocumentPort documents;
    private final DocumentRules rules;

    public DocumentService(Ports ports, DocumentPort documents, DocumentRules rules) {
        this.lifecycle = new Lifecycle(ports);
        this.documents = documents;
        this.rules = rules;
    }

    @Override
    public void mayAttach(Caller caller, ProjectId project) {
        lifecycle.loadFor(caller, project, Action.ATTACH_DOCUMENT);
    }

    @Override
    public StoredDocument attach(Caller caller, AttachDocumentCommand command) {
        if (command.content().length > rules.maxBytes()) {
            throw new PayloadTooLargeException(rules.maxBytes());
        }
        if (!rules.allows(command.fileName())) {
            throw new InvalidCommandException("fileName", "不支持的文件类型，允许："
                    + String.join("、", rules.allowedExtensions().stream().sorted().toList()));
        }
        String extension = DocumentTypes.extension(command.fileName()).orElseThrow();
        if (!DocumentTypes.matches(extension, command.content())) {
            throw new ContentMismatchException("file", extension, "文件内容与扩展名不符：「." + extension + "」文件应为"
                    + DocumentTypes.nameZh(extension) + "，上传的内容不是");
        }
        String sha256 = sha256(command.content());
        return lifecycle.ports().tx().inTransaction(() -> {
            Project project = lifecycle.loadFor(caller, command.projectId(), Action.ATTACH_DOCUMENT);
            StoredDocument document = new StoredDocument(UUID.randomUUID(), project.id(), command.fileName(),
                    DocumentTypes.mediaType(extension), command.content().length, sha256, null, command.kind(),
                    caller.actor().userId(), lifecycle.ports().clock().now(), command.content().clone());
            documents.store(document);
            lifecycle.audit(caller, Action.ATTACH_DOCUMENT, lifecycle.context(project.policyId()).pack(), project.id(), project.state(), project.state(),
                    "上传" + command.kind() + "「" + command.fileName() + "」" + command.content().length + "字节，SHA-256 "
                            + document.sha256());
            return document.withoutContent();
        });
    }

    @Override
    public List<StoredDocument> list(Caller caller, ProjectId project) {
        lifecycle.readFor(caller, project, "文档目录");
        return documents.listFor(project);
    }

    @Override
    public StoredDocument download(Caller caller, ProjectId project, UUID document) {
        lifecycle.readFor(caller, project, "文档" + document + "（下载）");
        StoredDocument stored;
        try {
            stored = documents.load(document)
                    .filter(d -> d.project().equals(project))
                    .orElseThrow(() -> new NotFoundException("文档不存在"));
            if (!sha256(stored.content()).equals(stored.sha256())) {
                throw new DocumentIntegrityException(document, "the content does not match its SHA-256 checksum");
            }
        } catch (DocumentIntegrityException e) {
            integrityFailed(caller, project, e);
            throw e;
        }
        return stored;
    }

    /** The action name, in the audit trail, of a download refused because the document failed its check. */
    public static final String INTEGRITY_FAILED = "DOCUMENT_INTEGRITY_FAILED";

    /** Records in the security audit trail, in a transaction of its own, that a document failed its check. */
    private void integrityFailed(Caller caller, ProjectId project, DocumentIntegrityException e) {
        var actor = caller.actor();
        lifecycle.ports().tx().inTransaction(() -> {
            lifecycle.ports().audit().append(new cn.egov.projects.application.port.out.AuditRecord(
                    lifecycle.ports().clock().now(), actor.userId(), actor.role(), actor.unit().code(),
                    INTEGRITY_FAILED, lifecycle.packInForce().articleZh(Provision.AUTHORITIES), project.value().toString(), null, null, caller.requestId(),
                    caller.sourceAddress(), "文档完整性校验失败，拒绝下载：文档 " + e.document()
                            + " 的内容与上传时记录的 SM3/SHA-256 摘要不符"));
            return null;
        });
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
