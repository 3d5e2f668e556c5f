package cn.egov.projects.application.port.in;

import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.domain.project.ProjectId;

/**
 * A document attached to a project: a contract, an implementation plan, a report …
 *
 * @param kind        what the document is, in the staff's words (e.g. 项目合同)
 * @param contentType the content type the client declared: not trusted, the stored type is the one recognised from
 *                    the content
 */
public record AttachDocumentCommand(ProjectId projectId, String kind, String fileName, String contentType,
                                    byte[] content) {

    /** The longest file name kept. */
    public static final int MAX_FILE_NAME = 200;

    /** The longest kind of document. */
    public static final int MAX_KIND = 50;

    public AttachDocumentCommand {
        projectId = Check.project(projectId);
        kind = Check.text(kind, "kind", "文档类型", MAX_KIND);
        fileName = fileName(fileName);
        contentType = contentType == null || contentType.isBlank() || contentType.length() > 200
                ? "application/octet-stream" : contentType.trim();
        if (content == null || content.length == 0) {
            throw new InvalidCommandException("content", "文件内容为空");
        }
    }

    /**
     * A file name as kept: trimmed, at most {@value #MAX_FILE_NAME} characters, without a path, control or format
     * characters (such as the right-to-left override that disguises an extension) or a leading dot. Checked as soon as the name is known, before the content is read.
     *
     * @throws InvalidCommandException naming the field {@code fileName}
     */
    public static String fileName(String fileName) {
        String name = Check.text(fileName, "fileName", "文件名", MAX_FILE_NAME);
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")
                || name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidCommandException("fileName", "文件名不能包含路径或控制字符");
        }
        return name;
    }
}
