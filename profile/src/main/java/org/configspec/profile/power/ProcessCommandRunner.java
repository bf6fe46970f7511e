package org.configspec.profile.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.configspec.core.error.ConfigSpecException;

/** Runs a command as a child process with a timeout, stdout and stderr merged. */
public final class ProcessCommandRunner implements CommandRunner {
    private final Duration timeout;

    public ProcessCommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    public ProcessCommandRunner() {
        this(Duration.ofSeconds(10));
    }

    @Override
    public CommandResult run(List<String> command) {
        String shown = String.join(" ", command);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ConfigSpecException("cannot run command '" + shown + "': " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ConfigSpecException("command '" + shown + "' did not finish within " + timeout.toMillis() + " ms");
            }
            return new CommandResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new ConfigSpecException("cannot read the output of '" + shown + "': " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConfigSpecException("interrupted while running '" + shown + "'");
        }
    }
}
