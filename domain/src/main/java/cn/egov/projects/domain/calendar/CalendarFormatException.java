package cn.egov.projects.domain.calendar;

/** Malformed calendar text (see {@link CalendarText}): names the 1-based line and the reason. */
public final class CalendarFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String reason;

    public CalendarFormatException(int lineNumber, String reason) {
        super("line " + lineNumber + ": " + reason);
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** The 1-based number of the offending line. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Why the line was rejected. */
    public String reason() {
        return reason;
    }
}
