package cn.egov.projects.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migrations this release ships for a database (the common ones and the vendor's), read from the
 * classpath: the tests expect exactly these applied, however many later issues add.
 */
final class Migrations {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private Migrations() {
    }

    /** The version numbers, in ascending order. */
    static List<Integer> versions(boolean postgreSql) {
        List<Integer> versions = new ArrayList<>();
        for (String location : List.of("db/migration/common", postgreSql ? "db/migration/postgresql" : "db/migration/h2")) {
            URL url = Migrations.class.getClassLoader().getResource(location);
            if (url == null) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                        .filter(Matcher::matches)
                        .map(m -> Integer.parseInt(m.group(1)))
                        .forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        versions.sort(Integer::compareTo);
        return versions;
    }

    static String latest(boolean postgreSql) {
        List<Integer> versions = versions(postgreSql);
        return String.valueOf(versions.get(versions.size() - 1));
    }
}
