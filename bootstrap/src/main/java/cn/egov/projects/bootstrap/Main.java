package cn.egov.projects.bootstrap;

import cn.egov.projects.persistence.Database;
import cn.egov.projects.persistence.DatabaseStartupException;
import cn.egov.projects.persistence.PersistenceAdapters;
import cn.egov.projects.application.port.in.SecondFactorUseCase;
import cn.egov.projects.application.view.OtpAlgorithm;
import cn.egov.projects.persistence.audit.AuditChain;
import cn.egov.projects.persistence.PersonalDataSweep;
import cn.egov.projects.persistence.audit.AuditKey;
import cn.egov.projects.persistence.crypto.DataKeys;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.web.WebApi;
import cn.egov.projects.web.WebServer;
import cn.egov.projects.web.WebServerException;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The entry point: {@code java -jar egov-projects.jar [flags]} serves the API until stopped (SIGTERM closes the
 * HTTP server, Vert.x and the database in order); {@code java -jar egov-projects.jar create-admin --username …
 * --name … --unit …} creates the first administrator and exits; {@code java -jar egov-projects.jar warm-up} starts
 * and stops the server on a throwaway database (to make a class-data archive) and exits. A start-up failure is one
 * log line saying what and where, and a non-zero exit code ({@link ExitCode}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    private Main() {
    }

    public static void main(String[] args) {
        // Netty's allocator would otherwise define its flight-recorder events, and with them load the JDK's event
        // machinery, on the first request; an operator who records can set it to true
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        int status = run(List.of(args), System.getenv());
        LogFlush.flush();
        if (status != ExitCode.OK) {
            System.exit(status);
        }
    }

    static int run(List<String> args, Map<String, String> env) {
        if (!args.isEmpty() && args.get(0).equals(ValidatePack.COMMAND)) {
            return ValidatePack.run(args.subList(1, args.size()), CommandOutput.out(), CommandOutput.err());
        }
        String what = "start-up";
        try {
            Settings settings = Settings.parse(args, env);
            LOG.info("starting egov-projects: {}", settings);
            if (settings.command() == Settings.Command.CREATE_ADMIN) {
                what = Settings.CREATE_ADMIN;
                return createAdmin(settings, env);
            }
            if (settings.command() == Settings.Command.WARM_UP) {
                what = Settings.WARM_UP;
                return warmUp(settings);
            }
            if (settings.command() == Settings.Command.VERIFY_AUDIT) {
                what = Settings.VERIFY_AUDIT;
                return verifyAudit(settings);
            }
            if (settings.command() == Settings.Command.BACKUP) {
                what = Settings.BACKUP;
                return BackupCommands.backup(settings);
            }
            if (settings.command() == Settings.Command.RESTORE) {
                what = Settings.RESTORE;
                return BackupCommands.restore(settings);
            }
            if (settings.command() == Settings.Command.ROTATE_KEYS) {
                what = Settings.ROTATE_KEYS;
                return rotateKeys(settings);
            }
            return serve(settings);
        } catch (SettingsException e) {
            return failed(what, ExitCode.BAD_SETTING, e.getMessage());
        } catch (StartupException e) {
            LOG.debug("failure detail", e);
            return failed(what, e.exitCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed: unexpected error: {}", what, StartupException.oneLine(String.valueOf(e)), e);
            return ExitCode.INTERNAL;
        }
    }

    private static int failed(String what, int exitCode, String message) {
        LOG.error("{} failed: {}", what, StartupException.oneLine(message));
        return exitCode;
    }

    private static int createAdmin(Settings settings, Map<String, String> env) {
        Settings.Admin admin = settings.admin().orElseThrow();
        char[] password = new PasswordReader(env, System.console(), System.in).read();
        OtpAlgorithm algorithm = OtpAlgorithm.parse(admin.otpAlgorithm()).orElseThrow(() -> new StartupException(
                ExitCode.BAD_SETTING, "--otp-algorithm must be SM3 (the default) or SHA1", null));
        try (Application application = Application.open(settings)) {
            String userId = new AdminSetup(application.accounts()).create(admin, password);
            // the administrator signs in with a one-time code from the start: the secret, shown this once
            SecondFactorUseCase.Enrolment otp = application.web().workplace().secondFactor()
                    .enrolByOperator(userId, algorithm, "create-admin");
            CommandOutput.println("管理员 " + admin.username() + " 已创建。登录须同时使用动态口令（TOTP，6位，30秒，"
                    + (otp.algorithm() == OtpAlgorithm.SM3 ? "HMAC-SM3" : "HMAC-SHA1") + "）。"
                    + "请将下列密钥录入该管理员的身份验证器，本密钥只显示这一次： / administrator "
                    + admin.username() + " created; it signs in with a one-time code too. Enter this secret in the"
                    + " administrator's authenticator app; it is shown this once:");
            CommandOutput.println("TOTP secret (base32): " + otp.secretBase32());
            CommandOutput.println("TOTP algorithm: " + otp.algorithm().name());
            CommandOutput.println("otpauth URI: " + otp.uri());
        } finally {
            Arrays.fill(password, '\0');
        }
        return ExitCode.OK;
    }

    /**
     * {@code verify-audit}: recomputes the audit trail's sealed chain with the server's settings and key, and prints
     * how many records it checked (exit 0) or the first broken record (exit 1). Reads only: runs beside a serving
     * application and never makes a key.
     */
    private static int verifyAudit(Settings settings) {
        AuditKey key = Application.auditKey(settings, false);
        Database database;
        try {
            database = Database.open(settings.database());
        } catch (DatabaseStartupException e) {
            throw new StartupException(ExitCode.DATABASE, e.getMessage() + " (" + settings.databaseSource() + ")", e);
        }
        try (database) {
            AuditChain.Verdict verdict = PersistenceAdapters.verifyAuditTrail(database, key);
            if (verdict.intact()) {
                CommandOutput.println("审计记录链完整：已核验 " + verdict.checked() + " 条记录。 / audit trail intact: "
                        + verdict.checked() + " records checked");
                LOG.info("audit trail intact: {} records checked", verdict.checked());
                return ExitCode.OK;
            }
            String at = verdict.brokenAt().map(id -> "第 " + id + " 号记录").orElse("链头");
            CommandOutput.println("审计记录链被破坏，首个问题在" + at + "（此前已核验 " + verdict.checked() + " 条）。 / audit trail "
                    + "BROKEN" + verdict.brokenAt().map(id -> " at record " + id).orElse(" at its head") + ": "
                    + verdict.reason());
            LOG.error("audit trail broken{}: {}", verdict.brokenAt().map(id -> " at record " + id).orElse(""),
                    verdict.reason());
            return ExitCode.AUDIT_CHAIN_BROKEN;
        }
    }

    /**
     * {@code rotate-keys}: adds a new SM4 key to the data key file (the newest encrypts from now on), writes every
     * encrypted value of the database again under it, and prints how many. Each batch commits on its own and values
     * under the old keys still decrypt, so an interrupted run is simply run again. On the embedded H2 database the
     * server must be stopped (it holds the file); on PostgreSQL see OPERATIONS.md. The old keys stay in the file.
     */
    private static int rotateKeys(Settings settings) {
        Application.dataKeys(settings, false); // the file must exist: never make a first key here
        Database database;
        try {
            database = Database.open(settings.database());
        } catch (DatabaseStartupException e) {
            throw new StartupException(ExitCode.DATABASE, e.getMessage() + " (" + settings.databaseSource() + ")", e);
        }
        try (database) {
            DataKeys keys;
            try {
                keys = DataKeys.addKey(settings.dataKeyFile());
            } catch (IllegalArgumentException e) {
                throw new StartupException(ExitCode.BAD_CONFIGURATION_FILE, e.getMessage() + " ("
                        + settings.source(Settings.Key.DATA_KEY_FILE) + ")", e);
            }
            long count = PersonalDataSweep.rotate(database, new FieldCipher(keys));
            CommandOutput.println("已在新密钥 " + keys.newestId() + " 下重新加密 " + count + " 个值。 / re-encrypted " + count
                    + " values under data key " + keys.newestId());
            LOG.info("data keys rotated: {} values re-encrypted under key {}", count, keys.newestId());
            return ExitCode.OK;
        }
    }

    private static int serve(Settings settings) {
        Running running = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            try {
                running.stop();
            } finally {
                LOG.info("egov-projects stopped");
                LogFlush.flush();
                stopped.countDown();
            }
        }, "egov-shutdown"));
        LOG.info("egov-projects ready: http://localhost:{}/health", running.server().port());
        awaitStop(stopped);
        return ExitCode.OK;
    }

    /** A started server: the application, the API it serves and the HTTP server serving it. */
    private record Running(Application application, WebApi api, WebServer server) {

        /** Lets the requests under way finish, then stops the HTTP server and closes the application. */
        void stop() {
            api.drain();
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("HTTP server did not stop cleanly: {}", e.getMessage());
            } finally {
                application.close();
            }
        }
    }

    private static Running start(Settings settings) {
        // fail fast, before the database is opened and migrated; the bind below stays the real test
        ensurePortFree(settings);
        // Vert.x starts beside the database's opening
        CompletableFuture<Vertx> vertx = WebServer.vertxInBackground();
        Application application;
        try {
            application = Application.open(settings);
        } catch (RuntimeException e) {
            vertx.thenAccept(Vertx::close);
            throw e;
        }
        application.demoData().ifPresent(demo -> demo.fillIfEmpty(application::hasNoAccounts,
                application.clock().today()));
        WebServer server;
        WebApi api = application.webApi();
        try {
            server = WebServer.start(api, settings.httpPort(), vertx);
        } catch (WebServerException e) {
            application.close();
            throw portFailure(settings, e.portInUse(), e.getMessage(), e);
        }
        // the staff can work while the reminder scheduler joins the others; nothing it sends waits on the minute
        try {
            application.startReminders();
        } catch (RuntimeException e) {
            server.close();
            application.close();
            throw e;
        }
        return new Running(application, api, server);
    }

    /**
     * Starts the server on a new embedded database in a temporary directory, on a free port, asks its /health and
     * stops it; then again on the database the first start made. Run under {@code -XX:ArchiveClassesAtExit}, the
     * JVM writes the classes of both ways of starting into a class-data archive, with which the server starts in
     * about two thirds of the time (OPERATIONS.md, "Logs and start-up").
     */
    private static int warmUp(Settings settings) {
        Path dir;
        try {
            dir = Files.createTempDirectory("egov-warm-up");
        } catch (IOException e) {
            throw new StartupException(ExitCode.INTERNAL, "cannot make a temporary directory: " + e.getMessage(), e);
        }
        try {
            for (int start = 1; start <= 2; start++) {
                Running running = start(settings.throwaway(dir.resolve("data"), freePort()));
                try {
                    askHealth(running.server().port());
                } finally {
                    running.stop();
                }
            }
        } finally {
            deleteTree(dir);
        }
        LOG.info("warm-up done: the server started and answered /health on a new and on an existing database");
        return ExitCode.OK;
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new StartupException(ExitCode.HTTP_PORT, "no free port for the warm-up: " + e.getMessage(), e);
        }
    }

    private static void askHealth(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                throw new StartupException(ExitCode.INTERNAL, "the warm-up's /health answered " + status, null);
            }
        } catch (IOException e) {
            throw new StartupException(ExitCode.INTERNAL, "the warm-up could not ask /health: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("the warm-up's temporary directory {} was not removed: {}", dir, e.getMessage());
        }
    }

    private static void ensurePortFree(Settings settings) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(settings.httpPort()));
        } catch (BindException e) {
            throw portFailure(settings, String.valueOf(e.getMessage()).contains("in use"), e.getMessage(), e);
        } catch (IOException e) {
            throw portFailure(settings, false, e.getMessage(), e);
        }
    }

    private static StartupException portFailure(Settings settings, boolean inUse, String detail, Throwable cause) {
        String where = settings.source(Settings.Key.HTTP_PORT);
        return new StartupException(ExitCode.HTTP_PORT, inUse
                ? "HTTP port " + settings.httpPort() + " is already in use (" + where + ")"
                : "cannot listen on HTTP port " + settings.httpPort() + ": " + detail + " (" + where + ")", cause);
    }

    private static void awaitStop(CountDownLatch stopped) {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
