package cn.egov.projects.bootstrap;

import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.persistence.DatabaseSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The start-up configuration: each setting from an environment variable or the command-line flag of the same
 * meaning (the flag wins), with a default where there is one. A sub-command, when given, comes first
 * ({@code create-admin --username admin --name 管理员 --unit TC-DSJ}). Every value remembers where it came from,
 * so that a failure can name it.
 */
public final class Settings {

    /** What the process is asked to do. */
    public enum Command {
        /** Serve the API until stopped (no sub-command). */
        SERVE,
        /** Create the first administrator and exit. */
        CREATE_ADMIN,
        /**
         * Start and stop the server on a throwaway embedded database, to record the classes a start loads into a
         * class-data archive ({@code -XX:ArchiveClassesAtExit}), and exit.
         */
        WARM_UP,
        /** Recompute the audit trail's sealed chain and exit: 0 intact, 1 broken (the first broken record named). */
        VERIFY_AUDIT,
        /** Back the database up into a new archive ({@code --to}) and exit. */
        BACKUP,
        /** Restore an archive ({@code --from}) into an empty database, verify its audit chain and exit. */
        RESTORE,
        /** Add a data key and re-encrypt every encrypted value under it, and exit (the server stopped on H2). */
        ROTATE_KEYS
    }

    /** A setting shared by every command: its flag and its environment variable. */
    public enum Key {
        HTTP_PORT("--http-port", "EGOV_HTTP_PORT"),
        DB_URL("--db-url", "EGOV_DB_URL"),
        DB_USER("--db-user", "EGOV_DB_USER"),
        DB_PASSWORD("--db-password", "EGOV_DB_PASSWORD"),
        POLICY("--policy", "EGOV_POLICY"),
        CALENDAR_DIR("--calendar-dir", "EGOV_CALENDAR_DIR"),
        BASE_URL("--base-url", "EGOV_BASE_URL"),
        SMTP_HOST("--smtp-host", "EGOV_SMTP_HOST"),
        SMTP_PORT("--smtp-port", "EGOV_SMTP_PORT"),
        SMTP_SECURITY("--smtp-security", "EGOV_SMTP_SECURITY"),
        SMTP_USER("--smtp-user", "EGOV_SMTP_USER"),
        SMTP_PASSWORD("--smtp-password", "EGOV_SMTP_PASSWORD"),
        MAIL_FROM("--mail-from", "EGOV_MAIL_FROM"),
        SMS_MODE("--sms-mode", "EGOV_SMS_MODE"),
        SMS_SIGN("--sms-sign", "EGOV_SMS_SIGN"),
        SMPP_HOST("--smpp-host", "EGOV_SMPP_HOST"),
        SMPP_PORT("--smpp-port", "EGOV_SMPP_PORT"),
        SMPP_SYSTEM_ID("--smpp-system-id", "EGOV_SMPP_SYSTEM_ID"),
        SMPP_PASSWORD("--smpp-password", "EGOV_SMPP_PASSWORD"),
        SMPP_SOURCE("--smpp-source", "EGOV_SMPP_SOURCE"),
        SMS_HTTP_URL("--sms-http-url", "EGOV_SMS_HTTP_URL"),
        SMS_HTTP_TEMPLATE("--sms-http-template", "EGOV_SMS_HTTP_TEMPLATE"),
        SMS_HTTP_KEY("--sms-http-key", "EGOV_SMS_HTTP_KEY"),
        REMINDER_SEND_AT("--reminder-send-at", "EGOV_REMINDER_SEND_AT"),
        QUIET_HOURS("--quiet-hours", "EGOV_QUIET_HOURS"),
        REMINDER_DIGEST("--reminder-digest", "EGOV_REMINDER_DIGEST"),
        REMINDER_MAX_ATTEMPTS("--reminder-max-attempts", "EGOV_REMINDER_MAX_ATTEMPTS"),
        REMINDER_THREADS("--reminder-threads", "EGOV_REMINDER_THREADS"),
        REMINDER_CATCH_UP_DAYS("--reminder-catch-up-days", "EGOV_REMINDER_CATCH_UP_DAYS"),
        REMINDER_RETENTION("--reminder-retention", "EGOV_REMINDER_RETENTION"),
        DOC_MAX_MB("--doc-max-mb", "EGOV_DOC_MAX_MB"),
        DOC_TYPES("--doc-types", "EGOV_DOC_TYPES"),
        SECURE_COOKIES("--secure-cookies", "EGOV_SECURE_COOKIES"),
        TRUSTED_PROXIES("--trusted-proxies", "EGOV_TRUSTED_PROXIES"),
        UPLOADS_DIR("--uploads-dir", "EGOV_UPLOADS_DIR"),
        DEMO("--demo", "EGOV_DEMO"),
        CLOCK("--clock", "EGOV_CLOCK"),
        AUDIT_KEY_FILE("--audit-key-file", "EGOV_AUDIT_KEY_FILE"),
        BACKUP_DIR("--backup-dir", "EGOV_BACKUP_DIR"),
        PG_BIN("--pg-bin", "EGOV_PG_BIN"),
        DATA_KEY_FILE("--data-key-file", "EGOV_DATA_KEY_FILE"),
        PASSWORD_MAX_AGE_DAYS("--password-max-age-days", "EGOV_PASSWORD_MAX_AGE_DAYS"),
        PASSWORD_HISTORY("--password-history", "EGOV_PASSWORD_HISTORY"),
        DORMANT_DAYS("--dormant-days", "EGOV_DORMANT_DAYS"),
        SESSION_LIMIT("--session-limit", "EGOV_SESSION_LIMIT"),
        EXPORT_LIMIT("--export-limit", "EGOV_EXPORT_LIMIT");

        private final String flag;
        private final String variable;

        Key(String flag, String variable) {
            this.flag = flag;
            this.variable = variable;
        }

        public String flag() {
            return flag;
        }

        public String variable() {
            return variable;
        }
    }

    /**
     * The first administrator to create: {@code --username}, {@code --name}, {@code --unit}, optional contacts, and
     * {@code --role}: ADMIN (系统管理员, the default), SECURITY_ADMIN (安全保密管理员) or AUDIT_ADMIN (安全审计员) —
     * the first of each of the three (三员分立); {@code --otp-algorithm}: the MAC of its one-time codes, SM3
     * (HMAC-SM3, the default) or SHA1 (for common authenticator apps).
     */
    public record Admin(String username, String name, String unit, String mobile, String email, String role,
                        String otpAlgorithm) {

        public Admin(String username, String name, String unit, String mobile, String email, String role) {
            this(username, name, unit, mobile, email, role, "SM3");
        }
    }

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String CREATE_ADMIN = "create-admin";
    public static final String WARM_UP = "warm-up";
    public static final String VERIFY_AUDIT = "verify-audit";
    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    public static final String ROTATE_KEYS = "rotate-keys";
    private static final List<String> ADMIN_FLAGS = List.of("--username", "--name", "--unit", "--mobile", "--email",
            "--role", "--otp-algorithm");

    private final Command command;
    private final Map<Key, String> values;
    private final Map<Key, String> sources;
    private final int httpPort;
    private final Admin admin;
    private final ReminderConfig reminders;
    private final WebConfig web;
    private final Instant simulatedClock;
    private Path archive;
    private final AccountSecurityConfig accountSecurity;

    private Settings(Command command, Map<Key, String> values, Map<Key, String> sources, int httpPort, Admin admin) {
        this.command = command;
        this.values = values;
        this.sources = sources;
        this.httpPort = httpPort;
        this.admin = admin;
        this.reminders = ReminderConfig.parse(this);
        this.web = WebConfig.parse(this);
        this.accountSecurity = AccountSecurityConfig.parse(this);
        this.simulatedClock = value(Key.CLOCK).map(v -> SimulatedClock.parseStart(v, source(Key.CLOCK))).orElse(null);
    }

    /**
     * Reads the settings.
     *
     * @param args the command line
     * @param env  the environment variables
     * @throws SettingsException naming the value at fault and where it came from
     */
    public static Settings parse(List<String> args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(args);
        Command command = Command.SERVE;
        if (!rest.isEmpty() && rest.get(0).equals(CREATE_ADMIN)) {
            command = Command.CREATE_ADMIN;
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).equals(WARM_UP)) {
            command = Command.WARM_UP;
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).equals(VERIFY_AUDIT)) {
            command = Command.VERIFY_AUDIT;
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).equals(BACKUP)) {
            command = Command.BACKUP;
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).equals(RESTORE)) {
            command = Command.RESTORE;
            rest.remove(0);
        } else if (!rest.isEmpty() && rest.get(0).equals(ROTATE_KEYS)) {
            command = Command.ROTATE_KEYS;
            rest.remove(0);
        }
        Map<String, String> flags = flags(rest, command);

        Map<Key, String> values = new EnumMap<>(Key.class);
        Map<Key, String> sources = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String fromFlag = flags.get(key.flag());
            String fromEnv = env.get(key.variable());
            if (fromFlag != null) {
                values.put(key, fromFlag);
                sources.put(key, key.flag());
            } else if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, fromEnv.trim());
                sources.put(key, key.variable());
            } else {
                sources.put(key, "default");
            }
        }
        int port = port(values.get(Key.HTTP_PORT), sources.get(Key.HTTP_PORT));
        for (Key pathKey : List.of(Key.POLICY, Key.CALENDAR_DIR, Key.DB_URL)) {
            if (values.containsKey(pathKey) && values.get(pathKey).isBlank()) {
                throw new SettingsException("empty value for " + pathKey.flag() + " (" + sources.get(pathKey) + ")");
            }
        }
        Admin admin = null;
        if (command == Command.CREATE_ADMIN) {
            admin = new Admin(required(flags, "--username"), required(flags, "--name"), required(flags, "--unit"),
                    flags.get("--mobile"), flags.get("--email"), flags.getOrDefault("--role", "ADMIN").trim(),
                    flags.getOrDefault("--otp-algorithm", "SM3").trim());
        }
        Settings settings = new Settings(command, values, sources, port, admin);
        if (command == Command.BACKUP || command == Command.RESTORE) {
            String flag = command == Command.BACKUP ? "--to" : "--from";
            String file = flags.get(flag);
            if (file == null || file.isBlank()) {
                throw new SettingsException((command == Command.BACKUP ? BACKUP : RESTORE) + " needs " + flag
                        + " <file> on the command line");
            }
            settings.archive = Path.of(file.trim());
        }
        return settings;
    }

    private static Map<String, String> flags(List<String> args, Command command) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new SettingsException("unexpected argument '" + arg + "' on the command line; "
                        + "the sub-commands are " + CREATE_ADMIN + ", " + WARM_UP + ", " + VERIFY_AUDIT + ", "
                        + BACKUP + ", " + RESTORE + " and " + ROTATE_KEYS + ", and one comes first");
            }
            String name = arg;
            String value;
            if (arg.equals(Key.DEMO.flag()) && (i + 1 == args.size() || args.get(i + 1).startsWith("--"))) {
                flags.put(name, "true");
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new SettingsException("option " + name + " needs a value on the command line");
            }
            if (!known(name, command)) {
                throw new SettingsException("unknown option '" + name + "' on the command line; known options: "
                        + String.join(", ", knownFlags(command)));
            }
            if (flags.put(name, value) != null) {
                throw new SettingsException("option " + name + " given twice on the command line");
            }
        }
        return flags;
    }

    private static boolean known(String flag, Command command) {
        return knownFlags(command).contains(flag);
    }

    private static List<String> knownFlags(Command command) {
        List<String> known = Arrays.stream(Key.values()).map(Key::flag).collect(Collectors.toCollection(ArrayList::new));
        if (command == Command.CREATE_ADMIN) {
            known.addAll(ADMIN_FLAGS);
        }
        if (command == Command.BACKUP) {
            known.add("--to");
        }
        if (command == Command.RESTORE) {
            known.add("--from");
        }
        return known;
    }

    private static String required(Map<String, String> flags, String flag) {
        String value = flags.get(flag);
        if (value == null || value.isBlank()) {
            throw new SettingsException(CREATE_ADMIN + " needs " + flag + " on the command line");
        }
        return value.trim();
    }

    private static int port(String text, String source) {
        if (text == null) {
            return DEFAULT_HTTP_PORT;
        }
        int port;
        try {
            port = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException("HTTP port '" + text + "' is not a number (" + source + ")");
        }
        if (port < 1 || port > 65_535) {
            throw new SettingsException("HTTP port " + port + " is out of range 1-65535 (" + source + ")");
        }
        return port;
    }

    public Command command() {
        return command;
    }

    public int httpPort() {
        return httpPort;
    }

    public Optional<Path> policyFile() {
        return Optional.ofNullable(values.get(Key.POLICY)).map(Path::of);
    }

    public Optional<Path> calendarDir() {
        return Optional.ofNullable(values.get(Key.CALENDAR_DIR)).map(Path::of);
    }

    public Optional<String> dbUrl() {
        return Optional.ofNullable(values.get(Key.DB_URL));
    }

    /** The administrator to create; present only for {@link Command#CREATE_ADMIN}. */
    public Optional<Admin> admin() {
        return Optional.ofNullable(admin);
    }

    /**
     * The database: the URL given, or the embedded H2 database in files under {@code ./data/} of the working
     * directory; a user or password given applies to either.
     */
    public DatabaseSettings database() {
        DatabaseSettings base = dbUrl().map(url -> new DatabaseSettings(url, null, null))
                .orElseGet(() -> DatabaseSettings.embeddedH2(Path.of("data")));
        return new DatabaseSettings(base.url(), values.getOrDefault(Key.DB_USER, base.user()),
                values.getOrDefault(Key.DB_PASSWORD, base.password()));
    }

    /**
     * These settings for one start of the warm-up: the standard embedded database in {@code dataDir}, the given HTTP
     * port, no demonstration data; the rest as given.
     */
    Settings throwaway(Path dataDir, int port) {
        Map<Key, String> throwawayValues = new EnumMap<>(values);
        Map<Key, String> throwawaySources = new EnumMap<>(sources);
        throwawayValues.put(Key.DB_URL, DatabaseSettings.embeddedH2(dataDir).url());
        throwawayValues.put(Key.HTTP_PORT, String.valueOf(port));
        throwawayValues.put(Key.AUDIT_KEY_FILE, dataDir.resolve("audit.key").toString());
        throwawayValues.put(Key.DATA_KEY_FILE, dataDir.resolve("data.key").toString());
        for (Key key : List.of(Key.DB_URL, Key.HTTP_PORT, Key.AUDIT_KEY_FILE, Key.DATA_KEY_FILE)) {
            throwawaySources.put(key, WARM_UP);
        }
        for (Key key : List.of(Key.DB_USER, Key.DB_PASSWORD, Key.DEMO)) {
            throwawayValues.remove(key);
            throwawaySources.put(key, "default");
        }
        return new Settings(Command.WARM_UP, throwawayValues, throwawaySources, port, null);
    }

    /**
     * The file of the key that seals the audit trail ({@code EGOV_AUDIT_KEY_FILE}; default {@code data/audit.key}
     * in the working directory), kept outside the database.
     */
    public Path auditKeyFile() {
        return value(Key.AUDIT_KEY_FILE).map(Path::of).orElse(Path.of("data", "audit.key"));
    }

    /**
     * The archive file of {@code backup --to} or {@code restore --from}; present only for those commands.
     */
    public Optional<Path> archive() {
        return Optional.ofNullable(archive);
    }

    /**
     * The directory the server writes the backups made through {@code POST /api/backups} into
     * ({@code EGOV_BACKUP_DIR}; default {@code backups} in the working directory): a request never names a path.
     */
    public Path backupDir() {
        return value(Key.BACKUP_DIR).map(Path::of).orElse(Path.of("backups"));
    }

    /**
     * The file of the SM4 keys that encrypt personal data at rest ({@code EGOV_DATA_KEY_FILE}; default
     * {@code data/data.key} in the working directory), kept outside the database and backed up apart from it.
     */
    public Path dataKeyFile() {
        return value(Key.DATA_KEY_FILE).map(Path::of).orElse(Path.of("data", "data.key"));
    }

    /** A setting's value as given (trimmed when from the environment), or empty when not given. */
    public Optional<String> value(Key key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The reminder engine and its channels (e-mail, SMS), checked when the settings were read. */
    public ReminderConfig reminders() {
        return reminders;
    }

    /** The password policy, session and export limits, checked when the settings were read. */
    public AccountSecurityConfig accountSecurity() {
        return accountSecurity;
    }

    /** The web adapter's settings and the demonstration flag, checked when the settings were read. */
    public WebConfig web() {
        return web;
    }

    /**
     * The moment a simulated clock starts at ({@code EGOV_CLOCK}, {@code --clock}: training, demonstrations and
     * acceptance trials only); empty: the real time.
     */
    public Optional<Instant> simulatedClock() {
        return Optional.ofNullable(simulatedClock);
    }

    /** Where a setting came from: its flag, its environment variable, or "default". */
    public String source(Key key) {
        return sources.get(key);
    }

    /** Where the database setting came from, as a failure message names it. */
    public String databaseSource() {
        return dbUrl().isPresent() ? source(Key.DB_URL) : "default embedded H2 database under ./data";
    }

    @Override
    public String toString() {
        return "Settings[command=" + command + ", httpPort=" + httpPort + " (" + source(Key.HTTP_PORT) + ")"
                + ", database=" + (dbUrl().isPresent() ? "from " + source(Key.DB_URL) : "embedded H2 under ./data")
                + ", policy=" + policyFile().map(Path::toString).orElse("Taicang (built in)")
                + ", calendarDir=" + calendarDir().map(Path::toString).orElse("none")
                + ", trustedProxies=" + web.web().trustedProxies()
                + ", reminders=" + reminders
                + simulatedClock().map(start -> ", clock=simulated from " + start.atZone(ClockPort.ZONE)
                        .toOffsetDateTime() + " (" + source(Key.CLOCK) + ")").orElse("")
                + "]";
    }
}
