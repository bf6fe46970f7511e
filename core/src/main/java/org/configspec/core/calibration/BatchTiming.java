package org.configspec.core.calibration;

import org.configspec.core.error.ConfigSpecException;

/**
 * One measured batch shape of the verifier: {@code sessions} verifies of K drafted tokens each decoded in one batch
 * of {@code tokens} = sessions · (K + 1) positions, taking {@code seconds} (an aggregate over repetitions, see
 * {@code samples}).
 *
 * @param samples batches the figure aggregates (≥ 1)
 */
public record BatchTiming(int sessions, int k, double seconds, int samples) {
    public BatchTiming {
        if (sessions < 1 || k < 0 || samples < 1) {
            throw new ConfigSpecException("batch timing: sessions " + sessions + ", K " + k + ", samples " + samples
                    + ": allowed sessions >= 1, K >= 0, samples >= 1");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new ConfigSpecException("batch timing of " + sessions + " sessions at K " + k + ": " + seconds
                    + " s; allowed a finite duration >= 0");
        }
    }

    /** Positions decoded: K drafted tokens plus the bonus position per session. */
    public int tokens() {
        return sessions * (k + 1);
    }
}
