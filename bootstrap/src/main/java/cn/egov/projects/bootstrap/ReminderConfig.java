package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.notify.QuietHours;
import cn.egov.projects.notify.ReminderSettings;
import cn.egov.projects.notify.channel.EmailSender;
import cn.egov.projects.notify.channel.HttpSmsSettings;
import cn.egov.projects.notify.channel.HttpTemplateSmsSender;
import cn.egov.projects.notify.channel.LogEmailSender;
import cn.egov.projects.notify.channel.LogSmsSender;
import cn.egov.projects.notify.channel.MailSettings;
import cn.egov.projects.notify.channel.SmppSettings;
import cn.egov.projects.notify.channel.SmppSmsSender;
import cn.egov.projects.notify.channel.SmsSender;
import cn.egov.projects.notify.channel.VertxMailSender;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reminder settings (RULES.md §5): the engine's behaviour and its channels. E-mail goes over SMTP when
 * {@code EGOV_SMTP_HOST} is set, else to the log; SMS go to the log ({@code EGOV_SMS_MODE=log}, the default), to an
 * SMS centre over SMPP ({@code smpp}) or to a template-SMS service over HTTP ({@code http}). Days missed in downtime
 * are made up {@code EGOV_REMINDER_CATCH_UP_DAYS} back; the ledger keeps settled reminders for
 * {@code EGOV_REMINDER_RETENTION}. Every value is checked
 * when the settings are read, and a bad one is named with where it came from.
 */
public record ReminderConfig(ReminderSettings engine, Optional<MailSettings> mail, SmsMode smsMode,
                             Optional<SmppSettings> smpp, Optional<HttpSmsSettings> http) {

    /** Where SMS go. */
    public enum SmsMode { LOG, SMPP, HTTP }

    /** SMTP connections kept open to the mail server (the benchmark's figure). */
    static final int MAIL_CONNECTIONS = 16;
    /** The shortest retention of the reminder ledger: well beyond the default catch-up window and the sweep's. */
    static final int MIN_RETENTION_DAYS = 90;
    private static final int MAX_RETENTION_DAYS = 36_525;
    private static final LocalDate RETENTION_REFERENCE = LocalDate.of(2001, 1, 1);
    private static final Pattern SHORT_PERIOD = Pattern.compile("(\\d{1,5})\\s*([dwmyDWMY])");

    static ReminderConfig parse(Settings s) {
        String baseUrl = s.value(Settings.Key.BASE_URL).orElse("http://localhost:" + s.httpPort());
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw bad(s, Settings.Key.BASE_URL, "base URL '" + baseUrl + "' must start with http:// or https://");
        }
        LocalTime sendAt = time(s, Settings.Key.REMINDER_SEND_AT, "08:00");
        QuietHours quiet = quietHours(s);
        boolean digest = bool(s, Settings.Key.REMINDER_DIGEST, true);
        int attempts = number(s, Settings.Key.REMINDER_MAX_ATTEMPTS, 8, 1, 100);
        int threads = number(s, Settings.Key.REMINDER_THREADS, 32, 1, 256);
        int catchUpDays = number(s, Settings.Key.REMINDER_CATCH_UP_DAYS, ReminderSettings.DEFAULT_CATCH_UP_DAYS, 0,
                366);
        Period retention = retention(s);
        String sign = s.value(Settings.Key.SMS_SIGN).orElse("");
        ReminderSettings defaults = ReminderSettings.defaults();
        ReminderSettings engine = defaults.withTimes(sendAt, quiet).withDigest(digest)
                .withRetries(attempts, defaults.retryBase(), defaults.retryMax())
                .withMessages(baseUrl, sign)
                .withScheduler(threads, defaults.pollingInterval(), defaults.heartbeat(), null)
                .withLedger(catchUpDays, retention);

        Optional<MailSettings> mail = s.value(Settings.Key.SMTP_HOST).map(host -> {
            MailSettings.Security security;
            String text = s.value(Settings.Key.SMTP_SECURITY).orElse("STARTTLS").toUpperCase(Locale.ROOT);
            try {
                security = MailSettings.Security.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw bad(s, Settings.Key.SMTP_SECURITY, "SMTP security '" + text + "' is not one of NONE, STARTTLS, TLS");
            }
            int port = number(s, Settings.Key.SMTP_PORT, security == MailSettings.Security.TLS ? 465 : 25, 1, 65_535);
            return new MailSettings(host, port, security, s.value(Settings.Key.SMTP_USER).orElse(null),
                    s.value(Settings.Key.SMTP_PASSWORD).orElse(null),
                    s.value(Settings.Key.MAIL_FROM).orElse("egov-projects@localhost"), MAIL_CONNECTIONS,
                    Duration.ofSeconds(30));
        });

        String modeText = s.value(Settings.Key.SMS_MODE).orElse("log").toUpperCase(Locale.ROOT);
        SmsMode mode;
        try {
            mode = SmsMode.valueOf(modeText);
        } catch (IllegalArgumentException e) {
            throw bad(s, Settings.Key.SMS_MODE, "SMS mode '" + modeText.toLowerCase(Locale.ROOT)
                    + "' is not one of log, smpp, http");
        }
        Optional<SmppSettings> smpp = Optional.empty();
        Optional<HttpSmsSettings> http = Optional.empty();
        if (mode == SmsMode.SMPP) {
            smpp = Optional.of(new SmppSettings(required(s, Settings.Key.SMPP_HOST, mode),
                    number(s, Settings.Key.SMPP_PORT, 2775, 1, 65_535), required(s, Settings.Key.SMPP_SYSTEM_ID, mode),
                    s.value(Settings.Key.SMPP_PASSWORD).orElse(""), null,
                    s.value(Settings.Key.SMPP_SOURCE).orElse(null), Duration.ofSeconds(10)));
        } else if (mode == SmsMode.HTTP) {
            String url = required(s, Settings.Key.SMS_HTTP_URL, mode);
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw bad(s, Settings.Key.SMS_HTTP_URL, "SMS service URL '" + url + "' is not a URL");
            }
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw bad(s, Settings.Key.SMS_HTTP_URL, "SMS service URL '" + url + "' must be an http(s) URL");
            }
            http = Optional.of(new HttpSmsSettings(uri, required(s, Settings.Key.SMS_SIGN, mode),
                    required(s, Settings.Key.SMS_HTTP_TEMPLATE, mode), s.value(Settings.Key.SMS_HTTP_KEY).orElse(null),
                    Duration.ofSeconds(10)));
        }
        return new ReminderConfig(engine, mail, mode, smpp, http);
    }

    /** The e-mail channel: SMTP when configured, else the log. */
    EmailSender emailSender() {
        return mail.<EmailSender>map(VertxMailSender::new).orElseGet(LogEmailSender::new);
    }

    /** The SMS channel of the configured mode. */
    SmsSender smsSender() {
        return switch (smsMode) {
            case LOG -> new LogSmsSender();
            case SMPP -> new SmppSmsSender(smpp.orElseThrow());
            case HTTP -> new HttpTemplateSmsSender(http.orElseThrow());
        };
    }

    private static QuietHours quietHours(Settings s) {
        String text = s.value(Settings.Key.QUIET_HOURS).orElse("21:00-08:00");
        if (text.equalsIgnoreCase("none")) {
            return QuietHours.none(ClockPort.ZONE);
        }
        String[] parts = text.split("-");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("two times expected", text, 0);
            }
            return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()), ClockPort.ZONE);
        } catch (DateTimeParseException e) {
            throw bad(s, Settings.Key.QUIET_HOURS, "quiet hours '" + text + "' must look like 21:00-08:00 (or none)");
        }
    }

    /**
     * How long the reminder ledger keeps settled reminders: an ISO-8601 period ({@code P2Y}, {@code P18M},
     * {@code P1Y6M}, {@code P730D}) or a number of days, weeks, months or years ({@code 730d}, {@code 104w},
     * {@code 24m}, {@code 2y}); at least {@value #MIN_RETENTION_DAYS} days.
     */
    private static Period retention(Settings s) {
        Settings.Key key = Settings.Key.REMINDER_RETENTION;
        Optional<String> given = s.value(key);
        if (given.isEmpty()) {
            return ReminderSettings.DEFAULT_RETENTION;
        }
        String text = given.get().trim();
        Period period;
        try {
            Matcher m = SHORT_PERIOD.matcher(text);
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                period = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "d" -> Period.ofDays(n);
                    case "w" -> Period.ofWeeks(n);
                    case "m" -> Period.ofMonths(n);
                    default -> Period.ofYears(n);
                };
            } else {
                period = Period.parse(text.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw bad(s, key, "reminder retention '" + text + "' must look like P2Y, P18M, 730d or 2y");
        }
        long days;
        try {
            days = ChronoUnit.DAYS.between(RETENTION_REFERENCE.minus(period), RETENTION_REFERENCE);
        } catch (DateTimeException | ArithmeticException e) {
            days = Long.MAX_VALUE;
        }
        if (days < MIN_RETENTION_DAYS) {
            throw bad(s, key, "reminder retention '" + text + "' is shorter than " + MIN_RETENTION_DAYS + " days");
        }
        if (days > MAX_RETENTION_DAYS) {
            throw bad(s, key, "reminder retention '" + text + "' is longer than 100 years");
        }
        return period;
    }

    private static LocalTime time(Settings s, Settings.Key key, String fallback) {
        String text = s.value(key).orElse(fallback);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(s, key, "time '" + text + "' must look like 08:00");
        }
    }

    private static boolean bool(Settings s, Settings.Key key, boolean fallback) {
        String text = s.value(key).orElse(String.valueOf(fallback)).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw bad(s, key, "'" + text + "' is not true or false");
        };
    }

    private static int number(Settings s, Settings.Key key, int fallback, int min, int max) {
        Optional<String> text = s.value(key);
        if (text.isEmpty()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw bad(s, key, "'" + text.get() + "' is not a number");
        }
        if (n < min || n > max) {
            throw bad(s, key, n + " is out of range " + min + "-" + max);
        }
        return n;
    }

    private static String required(Settings s, Settings.Key key, SmsMode mode) {
        return s.value(key).filter(v -> !v.isBlank()).orElseThrow(() -> new SettingsException(
                "SMS mode " + mode.name().toLowerCase(Locale.ROOT) + " needs " + key.variable() + " (or " + key.flag()
                        + ")"));
    }

    private static SettingsException bad(Settings s, Settings.Key key, String message) {
        return new SettingsException(message + " (" + s.source(key) + ")");
    }

    @Override
    public String toString() {
        return "[mail=" + mail.map(MailSettings::toString).orElse("log") + ", sms=" + switch (smsMode) {
            case LOG -> "log";
            case SMPP -> smpp.map(SmppSettings::toString).orElse("smpp");
            case HTTP -> http.map(HttpSmsSettings::toString).orElse("http");
        } + ", digest=" + engine.digest() + ", sendAt=" + engine.sendAt() + ", quiet=" + engine.quietHours().start()
                + "-" + engine.quietHours().end() + ", maxAttempts=" + engine.maxAttempts() + ", baseUrl="
                + engine.baseUrl() + ", catchUpDays=" + engine.catchUpDays() + ", retention=" + engine.retention() + "]";
    }
}
