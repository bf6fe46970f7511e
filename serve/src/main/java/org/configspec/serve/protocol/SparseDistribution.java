package org.configspec.serve.protocol;

import java.util.Arrays;

/**
 * The draft's distribution at one drafted position, as the token ids with non-zero probability and their
 * probabilities. Exact (not an approximation) when the draft samples from a top-k-truncated distribution, which the
 * edge client does: every other token has probability 0. At most {@link #MAX_ENTRIES} entries, ids unique and
 * non-negative (the verifier also checks them against its vocabulary), every probability finite and in (0, 1], and
 * the probabilities summing to 1 within {@link #SUM_TOLERANCE} (float rounding over 1024 entries stays far below it).
 */
public record SparseDistribution(int[] ids, float[] probs) {
    public static final int MAX_ENTRIES = 1024;
    public static final double SUM_TOLERANCE = 1e-3;

    public SparseDistribution {
        if (ids == null || probs == null) {
            throw ProtocolException.badRequest("draftProbs entry needs 'ids' and 'probs'");
        }
        if (ids.length != probs.length || ids.length == 0 || ids.length > MAX_ENTRIES) {
            throw ProtocolException.badRequest("draftProbs entry: 'ids' (" + ids.length + ") and 'probs' ("
                    + probs.length + ") must have the same length, 1.." + MAX_ENTRIES);
        }
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw ProtocolException.badRequest("draftProbs entry: token id " + ids[i] + " is negative");
            }
            float p = probs[i];
            if (!(p > 0 && p <= 1)) {
                throw ProtocolException.badRequest("draftProbs entry: probability " + p + " of token " + ids[i]
                        + " outside (0, 1]");
            }
            sum += p;
        }
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            throw ProtocolException.badRequest("draftProbs entry: probabilities sum to " + sum + ", allowed 1 +- "
                    + SUM_TOLERANCE);
        }
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw ProtocolException.badRequest("draftProbs entry: token id " + sorted[i] + " appears twice");
            }
        }
        ids = ids.clone();
        probs = probs.clone();
    }

    /** The largest token id listed. */
    public int largestId() {
        int m = 0;
        for (int id : ids) {
            m = Math.max(m, id);
        }
        return m;
    }

    /** The probability of {@code token} (0 when absent). */
    public double probability(int token) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == token) {
                return probs[i];
            }
        }
        return 0;
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public float[] probs() {
        return probs.clone();
    }

    /** Adds this distribution into a dense array of vocabulary size. */
    public void addTo(double[] dense) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < dense.length) {
                dense[ids[i]] += probs[i];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseDistribution s && Arrays.equals(ids, s.ids) && Arrays.equals(probs, s.probs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(probs);
    }

    @Override
    public String toString() {
        return "SparseDistribution" + Arrays.toString(ids);
    }
}
