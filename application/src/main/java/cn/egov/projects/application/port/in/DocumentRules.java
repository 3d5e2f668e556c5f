package cn.egov.projects.application.port.in;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What may be uploaded, from configuration: a size limit and an allow-list of file name extensions, each one a type
 * whose content the system recognises ({@link DocumentTypes}); an upload's content must be what its extension says
 * (the declared content type is not trusted).
 */
public record DocumentRules(long maxBytes, Set<String> allowedExtensions) {

    /**
     * @throws IllegalArgumentException when the limit is not positive, or an extension is not one whose content can
     *                                  be checked
     */
    public DocumentRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        allowedExtensions = allowedExtensions.stream().map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> unknown = allowedExtensions.stream().filter(e -> !DocumentTypes.isKnown(e))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no content check is known for the document type(s) " + unknown
                    + "; known types: " + String.join(",", DocumentTypes.known()));
        }
    }

    /** 20 MiB of the documents a project's life produces: office documents, PDF, images, archives. */
    public static DocumentRules standard() {
        return new DocumentRules(20L * 1024 * 1024, Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps",
                "ofd", "txt", "jpg", "jpeg", "png", "zip"));
    }

    /** Whether a file of this name may be uploaded (by its extension; its content is checked separately). */
    public boolean allows(String fileName) {
        return DocumentTypes.extension(fileName).map(allowedExtensions::contains).orElse(false);
    }
}
