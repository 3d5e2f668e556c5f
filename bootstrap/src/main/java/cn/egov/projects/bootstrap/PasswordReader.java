package cn.egov.projects.bootstrap;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the first administrator's password comes from: the environment variable {@value #VARIABLE}, or else the
 * terminal (without echo), or else one line of standard input. There is no default password.
 */
final class PasswordReader {

    static final String VARIABLE = "EGOV_ADMIN_PASSWORD";

    private final Map<String, String> env;
    private final Console console;
    private final InputStream in;

    PasswordReader(Map<String, String> env, Console console, InputStream in) {
        this.env = env;
        this.console = console;
        this.in = in;
    }

    /** @throws StartupException when no password was given */
    char[] read() {
        String fromEnv = env.get(VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] password;
        if (console != null) {
            password = console.readPassword("Password of the new administrator (at least 12 characters): ");
        } else {
            password = line();
        }
        if (password == null || password.length == 0) {
            throw new StartupException(ExitCode.BAD_SETTING, "no password given for the administrator: set "
                    + VARIABLE + " or write it as one line on standard input", null);
        }
        return password;
    }

    private char[] line() {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            throw new StartupException(ExitCode.BAD_SETTING, "cannot read the administrator's password from standard"
                    + " input: " + e.getMessage(), e);
        }
    }
}
