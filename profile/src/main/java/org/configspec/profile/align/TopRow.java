package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;

/**
 * What a serving engine lists at one generated position: the N most likely token ids with their natural-log
 * probabilities under the target's raw distribution (temperature 1: llama-server's {@code n_probs}, vLLM's default
 * {@code raw_logprobs}), most likely first or in any order. Ids appear once each.
 *
 * @param ids      the listed token ids
 * @param logprobs ln p(id) at temperature 1, one per id (≤ 0; a server's floor such as −9999 counts as listed
 *                 with probability ≈ 0)
 */
public record TopRow(int[] ids, double[] logprobs) {
    public TopRow {
        ids = ids.clone();
        logprobs = logprobs.clone();
        if (ids.length == 0 || ids.length != logprobs.length) {
            throw new ConfigSpecException("top-N row: " + ids.length + " ids and " + logprobs.length
                    + " log-probabilities (allowed: at least one id, one log-probability per id)");
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || !seen.add(ids[i])) {
                throw new ConfigSpecException("top-N row: token id " + ids[i] + " at entry " + i
                        + " (allowed: distinct ids >= 0)");
            }
            if (!(logprobs[i] <= 1e-6)) {
                throw new ConfigSpecException("top-N row: log-probability " + logprobs[i] + " of token " + ids[i]
                        + " (allowed: a number <= 0)");
            }
        }
    }

    public int size() {
        return ids.length;
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public double[] logprobs() {
        return logprobs.clone();
    }

    int id(int i) {
        return ids[i];
    }

    double logprob(int i) {
        return Math.min(0, logprobs[i]);
    }

    /** The probability mass not listed, 1 − Σ exp(logprob), clamped to [0, 1] (servers round). */
    public double unlistedMass() {
        double s = 0;
        for (double l : logprobs) {
            s += Math.exp(Math.min(0, l));
        }
        return Math.max(0, Math.min(1, 1 - s));
    }
}
