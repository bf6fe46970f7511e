package org.configspec.profile.power;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What meters need from the machine besides the spec: a command runner, a monotonic clock (ns), a wall clock
 * (for external CSV logs) and a file reader. Tests replace them with fixtures and fakes.
 */
public record PowerEnvironment(CommandRunner runner, LongSupplier nanos, Clock clock, Sysfs.FileReader reader) {
    public PowerEnvironment {
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(nanos, "nanos");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(reader, "reader");
    }

    public static PowerEnvironment system() {
        return new PowerEnvironment(new ProcessCommandRunner(), System::nanoTime, Clock.systemUTC(), Files::readString);
    }

    public PowerEnvironment withRunner(CommandRunner r) {
        return new PowerEnvironment(r, nanos, clock, reader);
    }

    public PowerEnvironment withReader(Sysfs.FileReader r) {
        return new PowerEnvironment(runner, nanos, clock, r);
    }
}
