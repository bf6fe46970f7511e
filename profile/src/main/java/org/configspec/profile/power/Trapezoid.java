package org.configspec.profile.power;

import java.util.List;

/** Trapezoidal integration of power samples over time: the energy (J) between the first and the last sample. */
public final class Trapezoid {
    private Trapezoid() {
    }

    /** Energy in joules; samples must be in time order. Fewer than two samples span no time and give 0 J. */
    public static double joules(List<PowerSample> samples) {
        double joules = 0.0;
        for (int i = 1; i < samples.size(); i++) {
            PowerSample a = samples.get(i - 1);
            PowerSample b = samples.get(i);
            long dt = b.nanos() - a.nanos();
            if (dt < 0) {
                throw new IllegalArgumentException("power samples out of time order at index " + i + ": "
                        + a.nanos() + " ns then " + b.nanos() + " ns");
            }
            joules += 0.5 * (a.watts() + b.watts()) * dt / 1e9;
        }
        return joules;
    }
}
