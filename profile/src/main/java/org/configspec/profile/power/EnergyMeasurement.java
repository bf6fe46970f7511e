package org.configspec.profile.power;

import java.util.List;
import java.util.Objects;

/**
 * The energy of one measured window, reported with its units: window length (s), gross energy (J), the idle
 * baseline measured before the work (W), net energy above idle (J) = gross − idle × window, mean power (W), the
 * number of readings and their spread (min and max W; NaN for counter-based meters), the method and rails, and
 * whether the numbers are an estimate rather than a measurement.
 */
public record EnergyMeasurement(double windowSeconds, double grossJoules, double idleWatts, double netJoules,
        double meanWatts, int samples, double minWatts, double maxWatts, String method, List<String> rails,
        boolean estimate, String caveat) {
    public EnergyMeasurement {
        Objects.requireNonNull(method, "method");
        rails = List.copyOf(rails);
        caveat = caveat == null ? "" : caveat;
        if (!(windowSeconds >= 0)) {
            throw new IllegalArgumentException("window must be >= 0 s, got " + windowSeconds + " s");
        }
        if (!(idleWatts >= 0) || !Double.isFinite(idleWatts)) {
            throw new IllegalArgumentException("idle baseline must be >= 0 W, got " + idleWatts + " W");
        }
    }

    /** Combines one window with the idle baseline (W) measured on the same meter. */
    public static EnergyMeasurement of(WindowEnergy window, double idleWatts, MeterInfo info) {
        double net = window.joules() - idleWatts * window.seconds();
        if (Math.abs(net) < 1e-12 * Math.max(1.0, Math.abs(window.joules()))) {
            net = 0.0; // rounding noise of gross − idle × window when the power did not change
        }
        return new EnergyMeasurement(window.seconds(), window.joules(), idleWatts, net, window.meanWatts(),
                window.samples(), window.minWatts(), window.maxWatts(), info.method(), info.rails(), info.estimate(),
                info.caveat());
    }
}
