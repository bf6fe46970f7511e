package org.configspec.profile.power;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** Recorded fixtures under src/test/resources/power (origins in its README.md) and small fakes. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/power/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies (merges) fixture trees into {@code dir} so a test can combine or modify them. */
    static Path merged(Path dir, String... names) {
        for (String name : names) {
            Path src = path(name);
            try (Stream<Path> s = Files.walk(src)) {
                for (Path p : s.toList()) {
                    Path dst = dir.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(p, dst, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** A monotonic fake clock that advances {@code stepNanos} on every reading. */
    static LongSupplier steppingClock(long stepNanos) {
        AtomicLong t = new AtomicLong();
        return () -> t.addAndGet(stepNanos);
    }

    /** Runs a fixture script with sh (test resources lose their execute bit when copied). */
    static List<String> script(String name) {
        return List.of("sh", path(name).toString());
    }

    /** A runner that answers every command with a fixed output. */
    static CommandRunner answering(String output, int exitCode) {
        return command -> new CommandResult(exitCode, output);
    }

    /** A runner for a machine without the command. */
    static CommandRunner missingCommand() {
        return command -> {
            throw new org.configspec.core.error.ConfigSpecException("cannot run command '" + String.join(" ", command)
                    + "': No such file or directory");
        };
    }

    static PowerEnvironment env(CommandRunner runner) {
        return new PowerEnvironment(runner, steppingClock(1_000_000), java.time.Clock.systemUTC(), Files::readString);
    }
}
