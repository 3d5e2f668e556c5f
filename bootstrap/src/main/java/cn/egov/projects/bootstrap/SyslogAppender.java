package cn.egov.projects.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import cn.egov.projects.application.view.Masks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Ships every log line to a central syslog collector ({@code EGOV_SYSLOG}): RFC 5424 messages
 * ({@code <PRI>1 TIMESTAMP HOST egov-projects PID MSGID - MSG}) over UDP (one datagram each, RFC 5426) or TCP (octet
 * counting, RFC 6587), with the facility of {@code EGOV_SYSLOG_FACILITY} (default {@code local0}); the message id
 * says which log a line is of: {@code security} (the security events, {@code cn.egov.projects.security}),
 * {@code access} (one line per request) or {@code app}. Every message has its e-mail addresses and mobile numbers
 * masked ({@link Masks#redact}) on top of what the application masks itself, and is cut at
 * {@value #MAX_MESSAGE} bytes.
 *
 * <p>It runs on the logging's own background thread, never on a request's. A collector that cannot be reached costs
 * its lines, never the application: a TCP connection is tried again at most every {@value #RETRY_MILLIS} ms, and the
 * lines in between are dropped (the daily files keep them all).
 */
final class SyslogAppender extends AppenderBase<ILoggingEvent> {

    /** The application's name in every message. */
    static final String APP_NAME = "egov-projects";
    static final int MAX_MESSAGE = 8_192;
    static final long RETRY_MILLIS = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());
    private static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("kern", 0), Map.entry("user", 1),
            Map.entry("mail", 2), Map.entry("daemon", 3), Map.entry("auth", 4), Map.entry("syslog", 5),
            Map.entry("lpr", 6), Map.entry("news", 7), Map.entry("uucp", 8), Map.entry("cron", 9),
            Map.entry("authpriv", 10), Map.entry("ftp", 11), Map.entry("local0", 16), Map.entry("local1", 17),
            Map.entry("local2", 18), Map.entry("local3", 19), Map.entry("local4", 20), Map.entry("local5", 21),
            Map.entry("local6", 22), Map.entry("local7", 23));

    /** Where the lines go: {@code udp://host:port}, {@code tcp://host:port} or {@code host[:port]} (UDP, 514). */
    record Target(boolean tcp, String host, int port, int facility) {

        /**
         * {@code EGOV_SYSLOG} and {@code EGOV_SYSLOG_FACILITY}.
         *
         * @throws IllegalArgumentException with what is wrong
         */
        static Target parse(String target, String facility) {
            String t = target.trim();
            boolean tcp = false;
            if (t.regionMatches(true, 0, "tcp://", 0, 6)) {
                tcp = true;
                t = t.substring(6);
            } else if (t.regionMatches(true, 0, "udp://", 0, 6)) {
                t = t.substring(6);
            } else if (t.contains("://")) {
                throw new IllegalArgumentException("EGOV_SYSLOG: the protocol must be udp:// or tcp://: " + target);
            }
            String host = t;
            int port = 514;
            int colon = t.lastIndexOf(':');
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("EGOV_SYSLOG: an IPv6 address needs its ']': " + target);
                }
                host = t.substring(1, close);
                colon = t.indexOf(':', close);
            } else if (colon >= 0) {
                host = t.substring(0, colon);
            }
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(t.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65_535) {
                    throw new IllegalArgumentException("EGOV_SYSLOG: the port must be 1 to 65535: " + target);
                }
            }
            if (host.isBlank() || host.length() > 253) {
                throw new IllegalArgumentException("EGOV_SYSLOG: no host: " + target);
            }
            String f = facility == null || facility.isBlank() ? "local0" : facility.trim().toLowerCase(Locale.ROOT);
            Integer code = FACILITIES.get(f);
            if (code == null) {
                throw new IllegalArgumentException("EGOV_SYSLOG_FACILITY must be one of " + new java.util.TreeSet<>(
                        FACILITIES.keySet()) + ": " + facility);
            }
            return new Target(tcp, host, port, code);
        }

        @Override
        public String toString() {
            return (tcp ? "tcp://" : "udp://") + host + ":" + port;
        }
    }

    private final Target target;
    private final String hostName;
    private final String processId = Long.toString(ProcessHandle.current().pid());
    private DatagramSocket udp;
    /** The collector's address for UDP, looked up when the appender starts and again after a failed send. */
    private InetSocketAddress udpAddress;
    private Socket tcp;
    private OutputStream tcpOut;
    private long nextTry;

    SyslogAppender(Target target) {
        this.target = target;
        this.hostName = printable(hostName(), 255);
    }

    /** This machine's name as the kernel has it (no name service asked), else as Java finds it. */
    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                try {
                    name = InetAddress.getLocalHost().getHostName();
                } catch (IOException unknown) {
                    name = "-";
                }
            }
        }
        return name;
    }

    Target target() {
        return target;
    }

    @Override
    public void start() {
        if (!target.tcp()) {
            try {
                udp = new DatagramSocket();
                udpAddress = new InetSocketAddress(target.host(), target.port());
            } catch (IOException e) {
                addError("cannot open a UDP socket for syslog: " + e.getMessage(), e);
                return;
            }
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (udp != null) {
            udp.close();
        }
        closeTcp();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] message = format(event);
        try {
            if (target.tcp()) {
                sendTcp(message);
            } else {
                if (udpAddress.isUnresolved()) {
                    udpAddress = new InetSocketAddress(target.host(), target.port());
                }
                udp.send(new DatagramPacket(message, message.length, udpAddress));
            }
        } catch (IOException | IllegalArgumentException e) {
            // the collector is away (or its name not found): this line is dropped, the files keep it
            closeTcp();
            if (udpAddress != null) {
                udpAddress = InetSocketAddress.createUnresolved(target.host(), target.port());
            }
        }
    }

    private void sendTcp(byte[] message) throws IOException {
        if (tcpOut == null) {
            long now = System.currentTimeMillis();
            if (now < nextTry) {
                return;
            }
            nextTry = now + RETRY_MILLIS;
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(target.host(), target.port()), 2_000);
                socket.setSoTimeout(5_000);
            } catch (IOException e) {
                socket.close();
                addWarn("syslog collector " + target + " not reached: " + e.getMessage());
                throw e;
            }
            tcp = socket;
            tcpOut = socket.getOutputStream();
        }
        // octet counting: the length, a space, the message (which may hold line breaks: a stack trace)
        tcpOut.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        tcpOut.write(message);
        tcpOut.flush();
    }

    private void closeTcp() {
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException ignored) {
                // closing what is already broken
            }
        }
        tcp = null;
        tcpOut = null;
    }

    /** The RFC 5424 message of an event, masked and bounded. */
    byte[] format(ILoggingEvent event) {
        int priority = target.facility() * 8 + severity(event.getLevel());
        StringBuilder m = new StringBuilder(256);
        m.append('<').append(priority).append(">1 ");
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), m);
        m.append(' ').append(hostName).append(' ').append(APP_NAME).append(' ').append(processId).append(' ')
                .append(messageId(event.getLoggerName())).append(" - ");
        Map<String, String> mdc = event.getMDCPropertyMap();
        String requestId = mdc == null ? null : mdc.get("requestId");
        StringBuilder text = new StringBuilder(160);
        text.append(event.getLevel()).append(" [").append(event.getThreadName()).append("] [")
                .append(requestId == null ? "-" : requestId).append("] ").append(event.getLoggerName()).append(" - ")
                .append(event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            text.append('\n').append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(thrown));
        }
        m.append(Masks.redact(text.toString()));
        byte[] bytes = m.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_MESSAGE) {
            return bytes;
        }
        int end = MAX_MESSAGE;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // not inside a character
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    static String messageId(String logger) {
        if (logger.startsWith("cn.egov.projects.security")) {
            return "security";
        }
        return logger.equals("cn.egov.projects.web.access") ? "access" : "app";
    }

    private static int severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }

    private static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(max).forEach(c -> b.appendCodePoint(c > 32 && c < 127 ? c : '_'));
        return b.isEmpty() ? "-" : b.toString();
    }
}
