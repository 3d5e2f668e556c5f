package cn.egov.projects.persistence.mybatis;

import java.sql.SQLException;
import java.util.Optional;

/** Reads what a database error means from its SQLSTATE, which H2 and PostgreSQL report alike where it matters. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** The SQLSTATE of the first {@link SQLException} in the chain of causes. */
    public static Optional<String> sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** A unique or primary key was violated (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable error) {
        return sqlState(error).filter("23505"::equals).isPresent();
    }

    /** A foreign key was violated (SQLSTATE 23503): a row refers to one that is not there. */
    public static boolean isForeignKeyViolation(Throwable error) {
        return sqlState(error).filter("23503"::equals).isPresent();
    }

    /**
     * Two transactions wanted the same rows: a serialization failure or deadlock (40001, 40P01), a lock that was
     * not granted in time (PostgreSQL 55P03, H2 HYT00) or H2's concurrent update (90131).
     */
    public static boolean isConcurrencyConflict(Throwable error) {
        return sqlState(error)
                .filter(s -> s.equals("40001") || s.equals("40P01") || s.equals("55P03") || s.equals("HYT00")
                        || s.equals("90131"))
                .isPresent();
    }

    /** The deepest cause's message on one line, for operators' messages. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message);
    }

    /**
     * A possibly multi-line message as one line: its non-blank lines joined with "; ", shortened to
     * {@code maxLength} characters.
     */
    public static String oneLine(String message, int maxLength) {
        if (message == null) {
            return "";
        }
        String joined = message.lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return joined.length() <= maxLength ? joined : joined.substring(0, maxLength - 1) + "…";
    }

    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).strip();
    }
}
