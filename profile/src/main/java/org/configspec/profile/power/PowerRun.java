package org.configspec.profile.power;

import java.time.Duration;
import java.util.Objects;

/**
 * One run of {@code configspec profile power}: opens the meter, measures the idle baseline, then one window while the
 * chosen load runs, and returns the report.
 */
public final class PowerRun {
    /** What runs during the measured window. */
    public enum Load {
        /** One busy CPU thread. */
        CPU("cpu (1 busy thread)"),
        /** Nothing. */
        IDLE("idle");

        private final String description;

        Load(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static volatile double sink;

    private PowerRun() {
    }

    /**
     * @param meter  the meter to open
     * @param idle   length of the idle baseline, > 0
     * @param window length of the measured window, > 0
     * @param load   what runs during the window
     */
    public static PowerReport measure(PowerMeterSpec meter, Duration idle, Duration window, Load load) {
        Objects.requireNonNull(load, "load");
        if (idle.isZero() || idle.isNegative() || window.isZero() || window.isNegative()) {
            throw new org.configspec.core.error.ConfigSpecException("--seconds and --idle-seconds must be > 0 s, got "
                    + window.toMillis() / 1e3 + " s and " + idle.toMillis() / 1e3 + " s");
        }
        try (PowerMeter m = PowerMeters.open(meter)) {
            EnergyProfiler profiler = new EnergyProfiler(m);
            double idleWatts = profiler.idleWatts(idle);
            EnergyMeasurement e = profiler.measure(idleWatts, load == Load.CPU ? () -> spin(window) : () -> sleep(window));
            return new PowerReport(m.info().kind(), idle.toNanos() / 1e9, load.description(), e,
                    PowerMeters.selection(m));
        }
    }

    private static void spin(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        double x = 1.0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 1.0000001 + 1e-9;
            }
        }
        sink = x; // keeps the loop from being optimised away
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
