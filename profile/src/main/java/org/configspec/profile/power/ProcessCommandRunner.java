package org.configspec.profile.power;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // destroyed or closed: keep what was read
            }
        }, "command-output");
        reader.setDaemon(true);
        reader.start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ConfigSpecException("command '" + shown + "' did not finish within " + timeout.toMillis() + " ms");
            }
            reader.join(timeout.toMillis());
            return new CommandResult(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new ConfigSpecException("cannot write to '" + shown + "': " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConfigSpecException("interrupted while running '" + shown + "'");
        }
    }
}
