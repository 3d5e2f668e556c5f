package cn.egov.projects.persistence;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migrations this release ships for a database (the common ones and the vendor's), read from the
 * classpath: the tests expect exactly these applied, however many later issues add.
 */
final class Migrations {

    /** A versioned migration: SQL, or a Java migration's class (version parts separated by "_": V14_1 is 14.1). */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:_\\d+)*)__[^$]*\\.(?:sql|class)");

    private Migrations() {
    }

    /** The versions as Flyway writes them ("14.1"), in ascending order. */
    static List<String> versions(boolean postgreSql) {
        List<String> versions = new ArrayList<>();
        for (String location : List.of("db/migration/common", postgreSql ? "db/migration/postgresql" : "db/migration/h2")) {
            URL url = Migrations.class.getClassLoader().getResource(location);
            if (url == null) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                        .filter(Matcher::matches)
                        .map(m -> m.group(1).replace('_', '.'))
                        .forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        versions.sort(Comparator.comparing(MigrationVersion::fromVersion));
        return versions;
    }

    static String latest(boolean postgreSql) {
        List<String> versions = versions(postgreSql);
        return versions.get(versions.size() - 1);
    }
}
