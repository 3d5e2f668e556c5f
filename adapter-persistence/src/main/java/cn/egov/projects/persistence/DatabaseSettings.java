package cn.egov.projects.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database is: a JDBC URL with its user and password. Two kinds are supported: the embedded H2 database
 * in PostgreSQL mode ({@code jdbc:h2:}) and PostgreSQL ({@code jdbc:postgresql:}).
 */
public record DatabaseSettings(String url, String user, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The settings of the embedded H2 database after its path: PostgreSQL's mode, names and ordering of nulls. */
    public static final String EMBEDDED_H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** The embedded H2 database's user (H2's administrator of its own file; there is no server to log in to). */
    public static final String EMBEDDED_H2_USER = "sa";

    /** The embedded H2 database in files under {@code dataDir} (created when missing). */
    public static DatabaseSettings embeddedH2(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new DatabaseSettings("jdbc:h2:file:" + dir.resolve("egov") + EMBEDDED_H2_OPTIONS, EMBEDDED_H2_USER, "");
    }

    public boolean isPostgreSql() {
        return url.startsWith("jdbc:postgresql:");
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** The URL as it may be shown in logs and messages: without any password given in it. */
    String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + "]";
    }
}
