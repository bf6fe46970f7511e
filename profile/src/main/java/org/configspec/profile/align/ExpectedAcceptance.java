package org.configspec.profile.align;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;

/**
 * Sampling-mode acceptance without sampling noise. With the standard rejection rule (accept a drafted x ~ q with
 * probability min(1, p(x)/q(x))), the probability that one drafted token is accepted is
 * β = Σ_x min(p(x), q(x)), the overlap of the target distribution p and the draft distribution q at that position.
 * Along a reference path (the target's continuation), a round starting at position s accepts its first i tokens with
 * probability Π_{j&lt;i} β[s+j], so E[L | s, K] = Σ_{i=1..K} Π_{j=0..i-1} β[s+j] (assumes the accepted tokens follow the
 * reference path, as in the usual per-position analysis). Pure.
 */
public final class ExpectedAcceptance {
    private ExpectedAcceptance() {
    }

    /** β = Σ_x min(p(x), q(x)) of two distributions over the same vocabulary. */
    public static double overlap(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new ConfigSpecException("distributions differ in size: target " + p.length + ", draft " + q.length
                    + " (allowed: the same vocabulary)");
        }
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += Math.min(p[i], q[i]);
        }
        return Math.min(1, s);
    }

    /** P(L ≥ i | start s) = Π_{j=0..i-1} β[s+j], for i = 1..K. */
    public static double[] survival(double[] beta, int start, int k) {
        Check.atLeast("K", k, 1);
        if (start < 0 || start + k > beta.length) {
            throw new ConfigSpecException("round start " + start + " with K=" + k + " exceeds the " + beta.length
                    + " known positions");
        }
        double[] out = new double[k];
        double prod = 1;
        for (int i = 0; i < k; i++) {
            prod *= beta[start + i];
            out[i] = prod;
        }
        return out;
    }

    /** E[L | start s, K] = Σ_{i=1..K} P(L ≥ i | s). */
    public static double expectedAccepted(double[] beta, int start, int k) {
        double s = 0;
        for (double v : survival(beta, start, k)) {
            s += v;
        }
        return s;
    }
}
