package cn.egov.projects.persistence.project;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A project's document as the database takes and gives it: its UTF-8 bytes (the embedded database stores a JSON
 * value as those) or its text (PostgreSQL's driver sends and returns JSONB as text). A document read keeps the form it
 * came in, and the other is made only when asked, so that a load from the embedded database never turns the bytes into
 * text. A document just written is its bytes ({@link ProjectDocuments#write}); PostgreSQL takes them as text.
 */
public final class DocumentText {

    private final byte[] utf8;
    private final String text;

    private DocumentText(byte[] utf8, String text) {
        this.utf8 = utf8;
        this.text = text;
    }

    /** A document given as its UTF-8 bytes, which it keeps (the caller hands them over). */
    public static DocumentText ofUtf8(byte[] utf8) {
        return new DocumentText(Objects.requireNonNull(utf8, "utf8"), null);
    }

    /** A document given as text. */
    public static DocumentText of(String text) {
        return new DocumentText(null, Objects.requireNonNull(text, "text"));
    }

    /** The UTF-8 bytes: those it was given (not a copy: do not change them), or its text's. */
    public byte[] utf8() {
        return utf8 != null ? utf8 : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text: that it was given, or its bytes' decoded. */
    public String text() {
        return text != null ? text : new String(utf8, StandardCharsets.UTF_8);
    }

    /** Whether it holds its bytes (read as bytes, or written). */
    boolean isUtf8() {
        return utf8 != null;
    }

    /**
     * Whether this is the very same stored document as {@code other}, cheaply: compared as bytes when both hold
     * them, else as text when both hold it; one held only as bytes and the other only as text are not compared
     * (false), which costs a caller at most a parse.
     */
    public boolean sameAs(DocumentText other) {
        if (other == null) {
            return false;
        }
        if (utf8 != null && other.utf8 != null) {
            return Arrays.equals(utf8, other.utf8);
        }
        return text != null && text.equals(other.text);
    }

    /** Equal when the bytes stored are, whatever form each holds (for tests). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentText d && Arrays.equals(utf8(), d.utf8());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8());
    }

    /** Its size only: a document holds personal data, encrypted or not. */
    @Override
    public String toString() {
        return "DocumentText[" + (utf8 != null ? utf8.length + " bytes" : text.length() + " chars") + "]";
    }
}
