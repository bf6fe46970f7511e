package org.configspec.cli;

import java.util.Map;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.LlmException;
import picocli.CommandLine;

/**
 * The one exit-code mapper of the CLI, installed on the root command: a user error (a bad flag or value, picocli's
 * parameter errors; a bad file, field or value, {@link ConfigSpecException}; a model or library the runtime refuses,
 * {@link LlmException}) is one line on stderr and exit {@link #USER_ERROR}; anything else is a bug: one line and exit
 * {@link #INTERNAL_ERROR}, with the stack trace when the environment sets {@code CONFIGSPEC_DEBUG=1}.
 */
public final class Errors {
    /** Exit code of a user error. */
    public static final int USER_ERROR = 2;
    /** Exit code of anything else (a bug). */
    public static final int INTERNAL_ERROR = 1;
    /** The environment variable that adds stack traces to internal errors. */
    public static final String DEBUG_ENV = "CONFIGSPEC_DEBUG";

    private Errors() {
    }

    /** Sets both handlers on {@code cmd}; picocli passes them on to the subcommands added before this call. */
    static void install(CommandLine cmd) {
        install(cmd, System.getenv());
    }

    /** As {@link #install(CommandLine)}, reading {@link #DEBUG_ENV} from {@code env}. */
    static void install(CommandLine cmd, Map<String, String> env) {
        boolean debug = "1".equals(env.get(DEBUG_ENV));
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage()) + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            String who = c.getCommandSpec().qualifiedName();
            RuntimeException user = userError(ex);
            if (user != null) {
                c.getErr().println(who + ": " + oneLine(user.getMessage()));
                c.getErr().flush();
                return USER_ERROR;
            }
            c.getErr().println(who + ": internal error: " + oneLine(String.valueOf(ex)));
            if (debug) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return INTERNAL_ERROR;
        });
    }

    private static RuntimeException userError(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof ConfigSpecException || x instanceof LlmException) {
                return (RuntimeException) x;
            }
        }
        return null;
    }

    /** A message on one line: whitespace runs (newlines too) become one space. */
    static String oneLine(String m) {
        return m == null ? "error" : m.replaceAll("\\s+", " ").trim();
    }
}
