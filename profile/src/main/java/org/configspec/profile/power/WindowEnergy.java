package org.configspec.profile.power;

/**
 * The energy of one measured window: its length (s), the energy (J), how many readings it took, and the spread of
 * the instantaneous power readings (min and max W; NaN for counter-based meters, which read energy, not power).
 */
public record WindowEnergy(double seconds, double joules, int samples, double minWatts, double maxWatts) {
    public WindowEnergy {
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("window length must be >= 0 s, got " + seconds + " s");
        }
        if (!Double.isFinite(joules)) {
            throw new IllegalArgumentException("window energy must be finite, got " + joules + " J");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, got " + samples);
        }
    }

    /** A window without instantaneous power readings (counter-based meters). */
    public WindowEnergy(double seconds, double joules, int samples) {
        this(seconds, joules, samples, Double.NaN, Double.NaN);
    }

    /** Min and max W of the readings in a window. */
    public static WindowEnergy of(double seconds, double joules, java.util.List<PowerSample> readings) {
        double min = readings.stream().mapToDouble(PowerSample::watts).min().orElse(Double.NaN);
        double max = readings.stream().mapToDouble(PowerSample::watts).max().orElse(Double.NaN);
        return new WindowEnergy(seconds, joules, readings.size(), min, max);
    }

    /** Mean power over the window (W); 0 W for an empty window. */
    public double meanWatts() {
        return seconds > 0 ? joules / seconds : 0.0;
    }
}
