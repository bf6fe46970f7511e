package org.configspec.profile.power;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An external meter (USB-C inline meter, smart plug, INA219 on a second board) that logs {@code timestamp,watts}
 * to a CSV file on its own: the window's wall-clock edges are recorded, and at {@link Window#stop()} the file is
 * read and integrated over exactly those edges. The meter's clock and this machine's clock must agree (NTP).
 */
public final class CsvPowerMeter implements PowerMeter {
    private final Path file;
    private final Clock clock;
    private final MeterInfo info;

    public CsvPowerMeter(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.info = new MeterInfo("csv", "external meter CSV " + file + " (timestamp, W), aligned to the window by wall-clock"
                + " time, linear interpolation at the edges, trapezoidal integration", List.of("external meter"), false,
                "what the external meter measures (typically the whole board input); clocks must agree");
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public Window start() {
        Instant t0 = clock.instant();
        return new Window() {
            private WindowEnergy result;

            @Override
            public synchronized WindowEnergy stop() {
                if (result == null) {
                    Instant t1 = clock.instant();
                    result = CsvPowerLog.read(file).energyBetween(seconds(t0), seconds(t1));
                }
                return result;
            }
        };
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
