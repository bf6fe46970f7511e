package org.configspec.profile.power;

/** One instantaneous power reading: when (monotonic nanoseconds) and how much (W). */
public record PowerSample(long nanos, double watts) {
    public PowerSample {
        if (!Double.isFinite(watts)) {
            throw new IllegalArgumentException("power sample must be finite, got " + watts + " W");
        }
    }
}
