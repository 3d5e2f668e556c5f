package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.project.ProjectId;

/**
 * A document attached to a project: a contract, an implementation plan, a report …
 *
 * @param kind what the document is, in the staff's words (e.g. 项目合同)
 */
public record AttachDocumentCommand(ProjectId projectId, String kind, String fileName, String contentType,
                                    byte[] content) {

    public AttachDocumentCommand {
        projectId = Check.project(projectId);
        kind = Check.text(kind, "kind", "文档类型", 50);
        fileName = Check.text(fileName, "fileName", "文件名", 200);
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
                || fileName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidCommandException("fileName", "文件名不能包含路径或控制字符");
        }
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.trim();
        if (content == null || content.length == 0) {
            throw new InvalidCommandException("content", "文件内容为空");
        }
    }
}
