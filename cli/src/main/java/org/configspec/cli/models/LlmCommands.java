package org.configspec.cli.models;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.configspec.llm.LlmException;
import picocli.CommandLine;

/**
 * Shared plumbing of the inference-runtime commands: runs a command body and turns a user error (bad value, missing
 * file, refused library or model) into one line on stderr and exit code 2; nothing is thrown to the top.
 */
public final class LlmCommands {
    /** Exit code of a user error. */
    public static final int USER_ERROR = 2;

    private LlmCommands() { }

    /** Runs {@code body}; a user error prints {@code configspec <command>: <message>} to stderr and returns 2. */
    public static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (LlmException | IllegalArgumentException | IllegalStateException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + oneLine(e.getMessage()));
            err.flush();
            return USER_ERROR;
        } catch (java.io.IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": I/O error: " + oneLine(e.getMessage()));
            err.flush();
            return USER_ERROR;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line error for a bad option value. */
    public static IllegalArgumentException badValue(String option, Object value, String allowed) {
        return new IllegalArgumentException(option + " = " + value + ": allowed " + allowed);
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
