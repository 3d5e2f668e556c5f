package cn.egov.projects.persistence.h2;

import org.h2.store.fs.FilePath;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2 URLs as this application opens them: a database in files ({@code jdbc:h2:file:…} or a plain path) is opened
 * through {@link DurableFilePath} and with {@code WRITE_DELAY=0}, so that a commit is on disk when it returns; other
 * URLs (in memory, a server, another file system) are left as they are.
 */
public final class H2Urls {

    private static final String PREFIX = "jdbc:h2:";

    /** A scheme before the path, as in {@code mem:}, {@code tcp:}, {@code nio:} (one letter would be a drive). */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9]+):");

    static {
        // makes the scheme known to H2 in this JVM before any URL of it is opened
        FilePath.register(new DurableFilePath());
    }

    private static final Pattern WRITE_DELAY = Pattern.compile(";\\s*WRITE_DELAY\\s*=\\s*(\\d{1,9})",
            Pattern.CASE_INSENSITIVE);

    private H2Urls() {
    }

    /** Whether the URL names a database in plain files, whose commits this application makes durable. */
    public static boolean isFileDatabase(String url) {
        if (!url.startsWith(PREFIX)) {
            return false;
        }
        Matcher scheme = SCHEME.matcher(url.substring(PREFIX.length()));
        return !scheme.find() || scheme.group(1).equalsIgnoreCase("file");
    }

    /**
     * The URL with durable commits: a file database through {@link DurableFilePath} with {@code WRITE_DELAY=0}
     * (unless the URL sets a write delay itself, which {@link #writeDelayMillis} then reports); any other URL as it
     * is.
     */
    public static String durable(String url) {
        if (!isFileDatabase(url)) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            rest = rest.substring(5);
        }
        String durable = PREFIX + DurableFilePath.SCHEME + ":" + rest;
        return writeDelayMillis(durable) < 0 ? durable + ";WRITE_DELAY=0" : durable;
    }

    /** The {@code WRITE_DELAY} the URL sets, in milliseconds, or -1 when it sets none. */
    public static int writeDelayMillis(String url) {
        Matcher m = WRITE_DELAY.matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
