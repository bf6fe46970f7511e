package org.configspec.serve.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * The edge energy of one run, measured over the generation window.
 *
 * @param joules    energy over the window, J
 * @param seconds   window length, s
 * @param meanWatts mean power over the window, W
 * @param samples   number of meter readings
 * @param method    the meter kind that measured it
 * @param estimate  true when the meter estimates rather than measures (a CPU model)
 */
public record EdgeEnergy(double joules, double seconds, double meanWatts, int samples, String method,
                         boolean estimate) {
    public EdgeEnergy {
        Objects.requireNonNull(method, "method");
        if (!(joules >= 0) || !(seconds >= 0) || samples < 0) {
            throw new IllegalArgumentException("edge energy needs joules >= 0, seconds >= 0 and samples >= 0, got "
                    + joules + " J, " + seconds + " s, " + samples);
        }
    }

    /** "edge energy 1.234 J over 2.000 s (0.0123 J/token, mean 0.62 W, n=20) by rapl". */
    public String describe(int tokens) {
        return String.format(Locale.ROOT, "edge energy %.3f J over %.3f s (%.4f J/token, mean %.2f W, n=%d) by %s%s",
                joules, seconds, joules / Math.max(1, tokens), meanWatts, samples, method,
                estimate ? " (ESTIMATE, not a measurement)" : "");
    }
}
