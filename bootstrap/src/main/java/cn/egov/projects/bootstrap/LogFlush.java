package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Writes out what the asynchronous log appender still holds (logback.xml) and stops logging: the last thing the
 * process does, so that its final lines — a start-up failure, "egov-projects stopped" — are never lost.
 */
final class LogFlush {

    private LogFlush() {
    }

    static void flush() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.stop();
        }
    }
}
