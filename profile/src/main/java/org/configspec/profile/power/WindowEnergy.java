package org.configspec.profile.power;

/** The energy of one measured window: its length (s), the energy (J) and how many readings it took. */
public record WindowEnergy(double seconds, double joules, int samples) {
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

    /** Mean power over the window (W); 0 W for an empty window. */
    public double meanWatts() {
        return seconds > 0 ? joules / seconds : 0.0;
    }
}
