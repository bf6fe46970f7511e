package org.configspec.llm.remote;

/**
 * One listed token of a top-N row: its id and natural-log probability (≤ 0; the raw softmax of the target's logits
 * unless the server says otherwise).
 */
public record TopEntry(int id, double logprob) {
    public TopEntry {
        if (id < 0) {
            throw new IllegalArgumentException("token id " + id + ": allowed >= 0");
        }
        if (!(logprob <= 1e-6) || Double.isNaN(logprob)) {
            throw new IllegalArgumentException("log-probability " + logprob + " of token " + id + ": allowed <= 0");
        }
    }

    public double probability() {
        return Math.exp(logprob);
    }
}
