package cn.egov.projects.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The PostgreSQL grants of the operations guide (docs/OPERATIONS.md), as its SQL block says them. */
final class OperationsGrants {

    private static final Path GUIDE = Path.of("..", "docs", "OPERATIONS.md");

    /** The statements between {@code <!-- grants:begin -->} and {@code <!-- grants:end -->}, for role egov_app. */
    static final List<String> FOR_APPLICATION_ROLE = read();

    private OperationsGrants() {
    }

    private static List<String> read() {
        try {
            String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
            int begin = guide.indexOf("<!-- grants:begin -->");
            int end = guide.indexOf("<!-- grants:end -->");
            if (begin < 0 || end < begin) {
                throw new IllegalStateException("the operations guide has no grants block");
            }
            String block = guide.substring(begin, end).replace("<!-- grants:begin -->", "").replace("```sql", "")
                    .replace("```", "");
            List<String> statements = Arrays.stream(block.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            if (statements.isEmpty()) {
                throw new IllegalStateException("the operations guide's grants block is empty");
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
