package org.configspec.cli.models;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.configspec.core.error.ConfigSpecException;
import picocli.CommandLine;

/**
 * Shared plumbing of the inference-runtime commands. Exit codes come from the root command's mapper
 * (org.configspec.cli.Errors): a user error is a {@link ConfigSpecException} or an
 * {@link org.configspec.llm.LlmException}; anything else, {@link IllegalStateException} included, is a bug.
 */
public final class LlmCommands {
    private LlmCommands() { }

    /**
     * Runs {@code body}. An {@link IOException} on a file the user named is a user error; runtime exceptions pass
     * through to the mapper unchanged.
     */
    public static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> body) {
        try {
            return body.call();
        } catch (IOException e) {
            throw new ConfigSpecException("I/O error: " + e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line error for a bad option value. */
    public static ConfigSpecException badValue(String option, Object value, String allowed) {
        return new ConfigSpecException(option + " = " + value + ": allowed " + allowed);
    }
}
