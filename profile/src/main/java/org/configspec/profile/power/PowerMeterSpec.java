package org.configspec.profile.power;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.configspec.core.error.ConfigSpecException;

/**
 * Which meter to open and how: the kind, the filesystem root under which {@code /sys} and {@code /proc} are read
 * ({@code /} on the device), the command for command-based meters (empty = the meter's default command), the file
 * for {@code csv} and for {@code tegrastats} log files, the sampling interval, the constant power for {@code
 * constant}, the idle and max power of the {@code cpu-model} estimate, and the PMIC board calibration.
 */
public record PowerMeterSpec(MeterKind kind, Path root, List<String> command, Path file, Duration interval,
        Double constantWatts, double modelIdleWatts, double modelMaxWatts, PmicCalibration pmicCalibration) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    /** Placeholder power range of the cpu-model estimate when the user gives none (a small ARM board). */
    public static final double DEFAULT_MODEL_IDLE_WATTS = 2.0;
    public static final double DEFAULT_MODEL_MAX_WATTS = 8.0;

    public PowerMeterSpec {
        Objects.requireNonNull(kind, "kind");
        root = root == null ? Path.of("/") : root;
        command = command == null ? List.of() : List.copyOf(command);
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        pmicCalibration = pmicCalibration == null ? PmicCalibration.IDENTITY : pmicCalibration;
        if (interval.isZero() || interval.isNegative()) {
            throw new ConfigSpecException("--interval-ms must be > 0 ms, got " + interval.toMillis() + " ms");
        }
    }

    /** A spec with defaults for everything but the kind. */
    public static PowerMeterSpec of(MeterKind kind) {
        return new PowerMeterSpec(kind, Path.of("/"), List.of(), null, DEFAULT_INTERVAL, null,
                DEFAULT_MODEL_IDLE_WATTS, DEFAULT_MODEL_MAX_WATTS, PmicCalibration.IDENTITY);
    }

    public PowerMeterSpec withRoot(Path r) {
        return new PowerMeterSpec(kind, r, command, file, interval, constantWatts, modelIdleWatts, modelMaxWatts, pmicCalibration);
    }

    public PowerMeterSpec withCommand(List<String> c) {
        return new PowerMeterSpec(kind, root, c, file, interval, constantWatts, modelIdleWatts, modelMaxWatts, pmicCalibration);
    }

    public PowerMeterSpec withFile(Path f) {
        return new PowerMeterSpec(kind, root, command, f, interval, constantWatts, modelIdleWatts, modelMaxWatts, pmicCalibration);
    }

    public PowerMeterSpec withInterval(Duration i) {
        return new PowerMeterSpec(kind, root, command, file, i, constantWatts, modelIdleWatts, modelMaxWatts, pmicCalibration);
    }

    public PowerMeterSpec withConstantWatts(double w) {
        return new PowerMeterSpec(kind, root, command, file, interval, w, modelIdleWatts, modelMaxWatts, pmicCalibration);
    }

    public PowerMeterSpec withModel(double idleW, double maxW) {
        return new PowerMeterSpec(kind, root, command, file, interval, constantWatts, idleW, maxW, pmicCalibration);
    }

    public PowerMeterSpec withPmicCalibration(PmicCalibration c) {
        return new PowerMeterSpec(kind, root, command, file, interval, constantWatts, modelIdleWatts, modelMaxWatts, c);
    }

    public PowerMeterSpec withKind(MeterKind k) {
        return new PowerMeterSpec(k, root, command, file, interval, constantWatts, modelIdleWatts, modelMaxWatts, pmicCalibration);
    }

    /** The command to run for a command-based meter: the user's, or the meter's default. */
    List<String> commandOr(List<String> fallback) {
        return command.isEmpty() ? fallback : command;
    }
}
