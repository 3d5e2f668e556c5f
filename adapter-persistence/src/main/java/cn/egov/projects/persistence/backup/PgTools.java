package cn.egov.projects.persistence.backup;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own client tools as the documented way to back up and restore a PostgreSQL database:
 * {@code pg_dump --format=custom} and {@code pg_restore}, found in {@code EGOV_PG_BIN} or on the {@code PATH}, run
 * with the connection of the application's settings. The password goes to the child process in its environment
 * ({@code PGPASSWORD}), never on its command line, and nothing of it is logged.
 */
public final class PgTools {

    /** The directory of the client tools, when they are not on the PATH. */
    public static final String BIN_VARIABLE = "EGOV_PG_BIN";
    private static final int MAX_ERROR = 2_000;

    private PgTools() {
    }

    /** Where a PostgreSQL database is, as the client tools take it. */
    public record Target(String host, int port, String database, String user, String password, String sslMode) {

        @Override
        public String toString() {
            return "Target[" + host + ":" + port + "/" + database + ", user=" + user + "]";
        }
    }

    /**
     * The target of a JDBC URL ({@code jdbc:postgresql://host:port/database?…}, {@code jdbc:postgresql:database}),
     * with the settings' user and password, or the URL's own when the settings give none.
     *
     * @throws BackupException (FAILED) for a URL the tools cannot be given (several hosts)
     */
    public static Target target(String jdbcUrl, String user, String password) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String host = "localhost";
        int port = 5432;
        String database;
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            database = slash < 0 ? "" : rest.substring(slash + 1);
            if (hostPort.contains(",")) {
                throw new BackupException(BackupException.Kind.FAILED, "数据库地址列出了多台主机：请用其中的主库地址备份或恢复",
                        "the database URL names several hosts: back up or restore with the primary's address");
            }
            int colon = hostPort.lastIndexOf(':');
            if (colon > 0 && !hostPort.endsWith("]")) {
                host = hostPort.substring(0, colon);
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } else if (!hostPort.isEmpty()) {
                host = hostPort;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
        } else {
            database = rest;
        }
        String urlUser = null;
        String urlPassword = null;
        String sslMode = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "user" -> urlUser = value;
                case "password" -> urlPassword = value;
                case "sslmode" -> sslMode = value;
                default -> {
                    // other driver settings do not concern the tools
                }
            }
        }
        database = URLDecoder.decode(database, StandardCharsets.UTF_8);
        return new Target(host, port, database.isEmpty() ? (urlUser != null ? urlUser : user) : database,
                user != null && !user.isEmpty() ? user : urlUser,
                password != null && !password.isEmpty() ? password : urlPassword, sslMode);
    }

    /**
     * The tool: in {@code binDir} when given, else the first on the PATH.
     *
     * @throws BackupException (FAILED) when it is not found
     */
    public static Path tool(String name, Optional<String> binDir, String path) {
        List<Path> candidates = new ArrayList<>();
        if (binDir.isPresent() && !binDir.get().isBlank()) {
            candidates.add(Path.of(binDir.get().trim(), name));
        } else if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new BackupException(
                BackupException.Kind.FAILED, "找不到PostgreSQL客户端程序" + name + "：请安装与数据库同一大版本的客户端，或用"
                + BIN_VARIABLE + "指明其目录", "the PostgreSQL client tool " + name + " was not found"
                + binDir.map(d -> " in " + d + " (" + BIN_VARIABLE + ")").orElse(" on the PATH") + "; install the "
                + "client of the server's major version or set " + BIN_VARIABLE));
    }

    /** pg_dump of the whole database in the custom format, as of the exported snapshot (none: its own). */
    public static List<String> dumpCommand(Path pgDump, Target target, String snapshot, Path file) {
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
                "--host=" + target.host(), "--port=" + target.port(), "--username=" + target.user(),
                "--file=" + file));
        if (snapshot != null) {
            command.add("--snapshot=" + snapshot);
        }
        command.add("--dbname=" + target.database());
        return command;
    }

    /**
     * pg_restore of a custom-format dump into the (empty) database, in one transaction that stops at the first
     * error, the objects owned by the restoring role.
     */
    public static List<String> restoreCommand(Path pgRestore, Target target, Path file) {
        return List.of(pgRestore.toString(), "--no-password", "--no-owner", "--single-transaction", "--exit-on-error",
                "--host=" + target.host(), "--port=" + target.port(), "--username=" + target.user(),
                "--dbname=" + target.database(), file.toString());
    }

    /** The environment the tools get besides the process's own: the password and the TLS mode. */
    public static Map<String, String> environment(Target target) {
        Map<String, String> env = new java.util.HashMap<>();
        if (target.password() != null) {
            env.put("PGPASSWORD", target.password());
        }
        if (target.sslMode() != null) {
            env.put("PGSSLMODE", target.sslMode());
        }
        return env;
    }

    /**
     * Runs a tool to its end.
     *
     * @throws BackupException (FAILED) when it cannot be started or exits other than 0 (with its last error lines)
     */
    public static void run(List<String> command, Target target) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment(target));
        String tool = Path.of(command.get(0)).getFileName().toString();
        try {
            Process process = builder.start();
            process.getOutputStream().close(); // the tools never ask: --no-password
            String output;
            try (InputStream in = process.getInputStream()) {
                output = tail(in);
            }
            if (!process.waitFor(24, TimeUnit.HOURS)) {
                process.destroyForcibly();
            }
            int status = process.exitValue();
            if (status != 0) {
                String detail = target.password() == null || target.password().isEmpty() ? output
                        : output.replace(target.password(), "***");
                throw new BackupException(BackupException.Kind.FAILED, tool + "执行失败（退出码" + status + "）：" + detail,
                        tool + " failed with exit code " + status + ": " + detail);
            }
        } catch (IOException e) {
            throw new BackupException(BackupException.Kind.FAILED, "无法运行" + tool + "：" + e.getMessage(),
                    "cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(BackupException.Kind.FAILED, tool + "被中断", tool + " was interrupted", e);
        }
    }

    /** What the tool printed, its last {@value #MAX_ERROR} characters on one line. */
    private static String tail(InputStream in) throws IOException {
        StringBuilder kept = new StringBuilder();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            kept.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (kept.length() > 4 * MAX_ERROR) {
                kept.delete(0, kept.length() - MAX_ERROR);
            }
        }
        String text = kept.toString().replaceAll("\\s+", " ").trim();
        return text.length() <= MAX_ERROR ? text : text.substring(text.length() - MAX_ERROR);
    }
}
