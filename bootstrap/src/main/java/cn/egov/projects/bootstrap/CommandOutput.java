package cn.egov.projects.bootstrap;

import java.io.PrintStream;

/**
 * What a command prints as its result for the operator or a script ({@code verify-audit}'s verdict): on standard
 * output, apart from the log, whose lines carry times and levels. The one class that writes to a standard stream.
 */
final class CommandOutput {

    private CommandOutput() {
    }

    /** Standard output, for a command that prints its result line by line ({@code validate-pack}). */
    static PrintStream out() {
        return System.out;
    }

    /** Standard error, for what a command found wrong ({@code validate-pack}). */
    static PrintStream err() {
        return System.err;
    }

    static void println(String line) {
        PrintStream out = System.out;
        out.println(line);
        out.flush();
    }
}
