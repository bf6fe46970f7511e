package org.configspec.profile.power;

import java.time.Duration;
import java.util.Objects;
import org.configspec.core.error.ConfigSpecException;

/**
 * Measures the idle baseline for a configurable duration before the work, then the work itself, on one meter.
 * The baseline is the mean power (W) of the idle window; the work's net energy is its gross energy minus that
 * baseline times the work window.
 */
public final class EnergyProfiler {
    /** How the profiler waits out the idle window (real sleep in production, a no-op or a fake clock in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final PowerMeter meter;
    private final Sleeper sleeper;

    public EnergyProfiler(PowerMeter meter, Sleeper sleeper) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public EnergyProfiler(PowerMeter meter) {
        this(meter, d -> Thread.sleep(d.toMillis()));
    }

    /** Mean power (W) while nothing of ours runs, over {@code idle}. */
    public double idleWatts(Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new ConfigSpecException("idle baseline duration must be > 0 s, got " + idle.toMillis() / 1000.0 + " s");
        }
        PowerMeter.Window w = meter.start();
        try {
            sleeper.sleep(idle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigSpecException("idle baseline measurement interrupted after less than " + idle.toMillis() + " ms");
        } finally {
            w.close();
        }
        return Math.max(0.0, w.stop().meanWatts());
    }

    /** Idle baseline over {@code idle}, then the energy of running {@code work} once. */
    public EnergyMeasurement measure(Duration idle, Runnable work) {
        double idleWatts = idleWatts(idle);
        return measure(idleWatts, work);
    }

    /** The energy of running {@code work} once against a baseline (W) measured earlier on this meter. */
    public EnergyMeasurement measure(double idleWatts, Runnable work) {
        WindowEnergy energy;
        try (PowerMeter.Window w = meter.start()) {
            work.run();
            energy = w.stop();
        }
        return EnergyMeasurement.of(energy, idleWatts, meter.info());
    }
}
