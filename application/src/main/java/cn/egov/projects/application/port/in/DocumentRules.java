package cn.egov.projects.application.port.in;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What may be uploaded, from configuration: a size limit and an allow-list of file name extensions (the declared
 * content type is recorded but not trusted).
 */
public record DocumentRules(long maxBytes, Set<String> allowedExtensions) {

    public DocumentRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        allowedExtensions = allowedExtensions.stream().map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 20 MiB of the documents a project's life produces: office documents, PDF, images, archives. */
    public static DocumentRules standard() {
        return new DocumentRules(20L * 1024 * 1024, Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps",
                "ofd", "txt", "jpg", "jpeg", "png", "zip"));
    }

    public boolean allows(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && allowedExtensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
