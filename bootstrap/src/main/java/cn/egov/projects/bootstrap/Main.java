package cn.egov.projects.bootstrap;

import cn.egov.projects.web.WebServer;
import cn.egov.projects.web.WebServerException;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point: {@code java -jar egov-projects.jar [flags]} serves the API until stopped (SIGTERM closes the
 * HTTP server, Vert.x and the database in order); {@code java -jar egov-projects.jar create-admin --username …
 * --name … --unit …} creates the first administrator and exits. A start-up failure is one log line saying what
 * and where, and a non-zero exit code ({@link ExitCode}).
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
        String what = "start-up";
        try {
            Settings settings = Settings.parse(args, env);
            LOG.info("starting egov-projects: {}", settings);
            if (settings.command() == Settings.Command.CREATE_ADMIN) {
                what = Settings.CREATE_ADMIN;
                return createAdmin(settings, env);
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
        try (Application application = Application.open(settings)) {
            new AdminSetup(application.accounts()).create(admin, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        return ExitCode.OK;
    }

    private static int serve(Settings settings) {
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
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        WebServer server;
        cn.egov.projects.web.WebApi api = application.webApi();
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            api.drain();
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("HTTP server did not stop cleanly: {}", e.getMessage());
            } finally {
                application.close();
                LOG.info("egov-projects stopped");
                LogFlush.flush();
                stopped.countDown();
            }
        }, "egov-shutdown"));
        LOG.info("egov-projects ready: http://localhost:{}/health", server.port());
        awaitStop(stopped);
        return ExitCode.OK;
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
