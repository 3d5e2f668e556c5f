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
import ch.qos.logback.core.spi.ContextAwareBase;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The application's logging, set up in code rather than from an XML file (whose parser and configuration model
 * are some 500 classes to load at every start): one line per event on the console ({@link LogLine}), written by a background thread
 * so that a request never waits for the console (one access line per request); nothing is dropped, and {@link Main}
 * flushes what is queued before the process ends ({@link LogFlush}). The request id (X-Request-Id) is printed where
 * a request set it. The root level is {@code EGOV_LOG_LEVEL} (system property or environment), INFO by default;
 * the libraries' chatter is kept to warnings.
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
        LogLine layout = new LogLine();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();

        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.addAppender(console);
        async.start();

        for (String quiet : QUIET) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(async);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code EGOV_LOG_LEVEL} as a system property or in the environment; INFO when unset or not a level. */
    static Level rootLevel() {
        String level = System.getProperty("EGOV_LOG_LEVEL", System.getenv("EGOV_LOG_LEVEL"));
        return Level.toLevel(level, Level.INFO);
    }
}
