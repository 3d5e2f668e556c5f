package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The application's logging, set up in code rather than from an XML file (whose parser and configuration model
 * are some 500 classes to load at every start): one line per event on the console ({@link LogLine}) and in a daily
 * rolling file kept at least 183 days ({@code EGOV_LOG_DIR}), written by a background thread so that a request never
 * waits for the console or the disk (one access line per request); nothing is dropped, and {@link Main}
 * flushes what is queued before the process ends ({@link LogFlush}). The request id (X-Request-Id) is printed where
 * a request set it. The root level is {@code EGOV_LOG_LEVEL} (system property or environment), INFO by default;
 * the libraries' chatter is kept to warnings. With {@code EGOV_SYSLOG} set, every line also goes to a central syslog
 * collector ({@link SyslogAppender}, through a queue that never blocks); unset, nothing is sent anywhere.
 *
 * <p>An operator's own logback file still wins: with {@code -Dlogback.configurationFile=…} (or a
 * {@code logback-test.xml} on the class path, as in the modules' tests) this steps aside and logback reads the file.
 * Found by logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final List<String> QUIET = List.of("io.netty", "io.vertx", "org.flywaydb", "org.apache.ibatis", "com.zaxxer");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder(context));
        console.start();

        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.addAppender(console);
        async.start();

        // an asynchronous appender holds one appender: the file has a queue of its own
        AsyncAppender asyncFile = new AsyncAppender();
        asyncFile.setContext(context);
        asyncFile.setName("ASYNC_FILE");
        asyncFile.setQueueSize(8192);
        asyncFile.setDiscardingThreshold(0);
        asyncFile.addAppender(file(context));
        asyncFile.start();

        for (String quiet : QUIET) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(async);
        root.addAppender(asyncFile);
        syslog(context, root);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * With {@code EGOV_SYSLOG} set, every line (the application's log, the access lines and the security events)
     * also goes to a central syslog collector ({@link SyslogAppender}), through a queue of its own that never makes
     * a request wait: when the collector falls behind and the queue is full, syslog loses lines, the files none.
     * Unset, nothing is sent anywhere. A setting that cannot be used is said in the log, and nothing is sent.
     */
    private static void syslog(LoggerContext context, Logger root) {
        String setting = setting(SYSLOG);
        if (setting == null || setting.isBlank()) {
            return;
        }
        SyslogAppender.Target target;
        try {
            target = SyslogAppender.Target.parse(setting, setting(SYSLOG_FACILITY));
        } catch (IllegalArgumentException e) {
            root.error("logs are NOT shipped to a syslog collector: {}", e.getMessage());
            return;
        }
        SyslogAppender syslog = new SyslogAppender(target);
        syslog.setContext(context);
        syslog.setName("SYSLOG");
        syslog.start();
        AsyncAppender asyncSyslog = new AsyncAppender();
        asyncSyslog.setContext(context);
        asyncSyslog.setName("ASYNC_SYSLOG");
        asyncSyslog.setQueueSize(8192);
        asyncSyslog.setDiscardingThreshold(0);
        asyncSyslog.setNeverBlock(true);
        asyncSyslog.addAppender(syslog);
        asyncSyslog.start();
        root.addAppender(asyncSyslog);
        root.info("log lines also go to the syslog collector {} (facility {}, app name {})", target,
                setting(SYSLOG_FACILITY) == null ? "local0" : setting(SYSLOG_FACILITY).trim(),
                SyslogAppender.APP_NAME);
    }

    /** The central syslog collector: {@code udp://host:port}, {@code tcp://host:port} or {@code host[:port]}. */
    static final String SYSLOG = "EGOV_SYSLOG";
    /** The syslog facility, {@code local0} unless set. */
    static final String SYSLOG_FACILITY = "EGOV_SYSLOG_FACILITY";

    /**
     * The same lines in a file ({@code EGOV_LOG_DIR}, default {@code logs} in the working directory), rolled over at
     * midnight into {@code egov-projects.yyyy-MM-dd.log.gz} and kept {@link #retentionDays()} days (等保 2.0: audit
     * and log records kept at least six months). No size cap: a cap would remove younger files.
     */
    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context) {
        Path dir = logDir();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve(FILE_NAME + ".log").toString());
        TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve(FILE_NAME + ".%d{yyyy-MM-dd}.log.gz").toString());
        rolling.setMaxHistory(retentionDays());
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context));
        file.start();
        return file;
    }

    /** One line per event ({@link LogLine}) in UTF-8; each appender has an encoder of its own. */
    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        LogLine layout = new LogLine();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    static final String FILE_NAME = "egov-projects";
    /** The least number of days log files are kept, whatever is set: six months (183 days). */
    static final int MIN_RETENTION_DAYS = 183;

    /** {@code EGOV_LOG_DIR} as a system property or in the environment; {@code logs} when unset. */
    static Path logDir() {
        String dir = setting("EGOV_LOG_DIR");
        return Path.of(dir == null || dir.isBlank() ? "logs" : dir.trim());
    }

    /** {@code EGOV_LOG_RETENTION_DAYS}, never fewer than {@value #MIN_RETENTION_DAYS}, at most ten years. */
    static int retentionDays() {
        String days = setting("EGOV_LOG_RETENTION_DAYS");
        try {
            int n = days == null ? MIN_RETENTION_DAYS : Integer.parseInt(days.trim());
            return Math.max(MIN_RETENTION_DAYS, Math.min(n, 3_660));
        } catch (NumberFormatException e) {
            return MIN_RETENTION_DAYS;
        }
    }

    private static String setting(String name) {
        return System.getProperty(name, System.getenv(name));
    }

    /** {@code EGOV_LOG_LEVEL} as a system property or in the environment; INFO when unset or not a level. */
    static Level rootLevel() {
        String level = System.getProperty("EGOV_LOG_LEVEL", System.getenv("EGOV_LOG_LEVEL"));
        return Level.toLevel(level, Level.INFO);
    }
}
