package org.configspec.cli;

import org.configspec.core.error.ConfigSpecException;
import picocli.CommandLine;

/**
 * Turns failures into one line on stderr and an exit code: user errors (bad flags, files, fields, values) exit 2,
 * anything else 1 with the stack trace only when CONFIGSPEC_DEBUG is set.
 */
final class Errors {
    private Errors() {
    }

    static void install(CommandLine cmd) {
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("configspec: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return Main.USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            ConfigSpecException user = userError(ex);
            if (user != null) {
                c.getErr().println("configspec: " + user.getMessage());
                return Main.USER_ERROR;
            }
            c.getErr().println("configspec: internal error: " + ex);
            if (System.getenv("CONFIGSPEC_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            return Main.INTERNAL_ERROR;
        });
    }

    private static ConfigSpecException userError(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof ConfigSpecException e) {
                return e;
            }
        }
        return null;
    }
}
