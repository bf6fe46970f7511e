package org.configspec.profile.timing;

import java.util.Arrays;

/**
 * Durations measured by a {@link RepetitionTimer}: for each timed series, one duration per timed repetition, in
 * nanoseconds, in the order measured.
 */
public final class Samples {
    private final long[][] nanos;

    Samples(long[][] nanos) {
        this.nanos = nanos;
    }

    /** Number of series timed in each repetition. */
    public int series() {
        return nanos.length;
    }

    /** Durations of series {@code s} [ns], one per timed repetition. */
    public long[] nanos(int s) {
        return nanos[s].clone();
    }

    /** Durations of series {@code s} [ms]. */
    public double[] millis(int s) {
        return Arrays.stream(nanos[s]).mapToDouble(t -> t / 1e6).toArray();
    }

    /** Durations of series {@code s} [s]. */
    public double[] seconds(int s) {
        return Arrays.stream(nanos[s]).mapToDouble(t -> t / 1e9).toArray();
    }

    /** Rates of series {@code s}: {@code units} (e.g. tokens) per second of each duration. */
    public double[] perSecond(int s, double units) {
        return Arrays.stream(nanos[s]).mapToDouble(t -> units / (t / 1e9)).toArray();
    }
}
