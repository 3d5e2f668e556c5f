package cn.egov.projects.persistence.project;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A project's document as the database takes and gives it: its UTF-8 bytes (the embedded database stores a JSON
 * value as those, and {@link ProjectDocuments#write} makes them straight from the snapshot) or its text (PostgreSQL's
 * driver sends and returns JSONB as text). Whichever form it came in is kept; the other is made only when asked, so
 * that a save and a load on the embedded database never turn a document into text and back.
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

    /** Whether it was given as bytes. */
    boolean isUtf8() {
        return utf8 != null;
    }

    /**
     * Whether this is the very same stored document as {@code other}, cheaply: compared only in the form both were
     * given in; documents given in different forms are not compared (false), which costs a caller at most a parse.
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

    /** Equal when the texts are: for tests and logs. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentText d && (sameAs(d) || text().equals(d.text()));
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    /** Its size only: a document holds personal data, encrypted or not. */
    @Override
    public String toString() {
        return "DocumentText[" + (utf8 != null ? utf8.length + " bytes" : text.length() + " chars") + "]";
    }
}
