package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("日志配置：控制台一行一条、异步写出、不丢弃，库的日志只留警告")
class LogConfigurationTest {

    @Test
    @DisplayName("应用启动时日志就是这样配置的：根日志异步写到控制台，队列满时不丢弃")
    void theApplicationsLoggingIsThisConfiguration() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        AsyncAppender async = (AsyncAppender) root.getAppender("ASYNC");
        assertThat(async).isNotNull();
        assertThat(async.isStarted()).isTrue();
        assertThat(async.getQueueSize()).isEqualTo(8192);
        assertThat(async.getDiscardingThreshold()).isZero();
        ConsoleAppender<?> console = (ConsoleAppender<?>) async.getAppender("CONSOLE");
        AsyncAppender asyncFile = (AsyncAppender) root.getAppender("ASYNC_FILE");
        assertThat(asyncFile.isStarted()).isTrue();
        assertThat(asyncFile.getDiscardingThreshold()).isZero();
        RollingFileAppender<?> file = (RollingFileAppender<?>) asyncFile.getAppender("FILE");
        assertThat(file.isStarted()).isTrue();
        assertThat(Path.of(file.getFile())).isEqualTo(LogConfiguration.logDir().resolve("egov-projects.log"));
        TimeBasedRollingPolicy<?> rolling = (TimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertThat(rolling.getMaxHistory()).isGreaterThanOrEqualTo(183);
        assertThat(rolling.getFileNamePattern()).endsWith("egov-projects.%d{yyyy-MM-dd}.log.gz");
        assertThat(((LayoutWrappingEncoder<?>) console.getEncoder()).getLayout()).isInstanceOf(LogLine.class);
        assertThat(root.getLevel()).isEqualTo(LogConfiguration.rootLevel());
        for (String quiet : LogConfiguration.QUIET) {
            assertThat(context.getLogger(quiet).getLevel()).as(quiet).isEqualTo(Level.WARN);
        }
    }

    @Test
    @DisplayName("一条日志的格式：时间、级别、线程、请求编号、记录者、内容，中文按UTF-8写出")
    void aLineCarriesTimeLevelThreadRequestAndMessage() throws Exception {
        LoggerContext context = new LoggerContext();
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);
        context.setMDCAdapter(MDC.getMDCAdapter()); // the request id is put where the application puts it
        context.start();
        assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        AsyncAppender async = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((ConsoleAppender<?>) async.getAppender("CONSOLE")).setOutputStream(out);
        MDC.put("requestId", "req-42");
        try {
            context.getLogger("cn.egov.projects.web.access").info("GET /api/projects 200 项目列表");
            context.getLogger("io.netty.channel").info("not shown");
        } finally {
            MDC.remove("requestId");
        }
        context.stop(); // drains the queue
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).matches("(?s)\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[[^]]+] \\[req-42] "
                + "cn\\.egov\\.projects\\.web\\.access - GET /api/projects 200 项目列表\\R");
        assertThat(line).doesNotContain("not shown");
    }

    @Test
    @DisplayName("每一行与logback同样格式的模式所写的一字不差：级别补齐、长记录者名缩写、无请求编号时为-、异常带堆栈")
    void aLineIsWhatThePatternWouldWrite() {
        LoggerContext context = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] [%X{requestId:--}] %logger{36} - %msg%n");
        pattern.start();
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        IllegalStateException boom = new IllegalStateException("数据库不可用", new java.io.IOException("refused"));
        List<LoggingEvent> events = List.of(
                event(context, "cn.egov.projects.web.access", Level.INFO, "GET {} 200", null, Map.of("requestId", "r-1"),
                        "/api/projects"),
                event(context, "cn.egov.projects.persistence.project.ProjectDocuments", Level.WARN, "文档 {} 无法读取",
                        null, Map.of(), "x"),
                event(context, "c.g.kagkarlsson.scheduler.Scheduler", Level.ERROR, "failed", boom, Map.of()),
                event(context, "Main", Level.DEBUG, "plain", null, Map.of()));
        for (LoggingEvent e : events) {
            assertThat(line.doLayout(e)).isEqualTo(pattern.doLayout(e));
        }
    }

    private static LoggingEvent event(LoggerContext context, String logger, Level level, String message,
                                      Throwable thrown, Map<String, String> mdc, Object... arguments) {
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, message, thrown,
                arguments);
        e.setMDCPropertyMap(mdc);
        e.setThreadName("vert.x-eventloop-thread-0");
        return e;
    }

    @Test
    @DisplayName("运维指定了自己的logback配置文件时让位，由logback读取该文件")
    void anOperatorsFileWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/egov/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            LogConfiguration configuration = new LogConfiguration();
            configuration.setContext(context);
            assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC")).isNull();
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    @DisplayName("日志同时写入按日滚动的文件，保留不少于183天，设置更短也按183天")
    void linesGoToADailyFileKeptAtLeastHalfAYear(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String before = System.getProperty("EGOV_LOG_DIR");
        String retention = System.getProperty("EGOV_LOG_RETENTION_DAYS");
        System.setProperty("EGOV_LOG_DIR", dir.toString());
        System.setProperty("EGOV_LOG_RETENTION_DAYS", "30");
        try {
            assertThat(LogConfiguration.retentionDays()).isEqualTo(183);
            LoggerContext context = new LoggerContext();
            LogConfiguration configuration = new LogConfiguration();
            configuration.setContext(context);
            context.setMDCAdapter(MDC.getMDCAdapter());
            context.start();
            configuration.configure(context);
            context.getLogger("cn.egov.projects.test").info("写入日志文件的一行");
            context.stop(); // drains the queue, closes the file
            assertThat(java.nio.file.Files.readString(dir.resolve("egov-projects.log"), StandardCharsets.UTF_8))
                    .contains("cn.egov.projects.test - 写入日志文件的一行");
            System.setProperty("EGOV_LOG_RETENTION_DAYS", "400");
            assertThat(LogConfiguration.retentionDays()).isEqualTo(400);
        } finally {
            restore("EGOV_LOG_DIR", before);
            restore("EGOV_LOG_RETENTION_DAYS", retention);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
