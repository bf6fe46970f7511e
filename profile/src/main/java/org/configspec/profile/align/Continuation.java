package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;

/**
 * The target's greedy continuation of one prompt, and (sampling mode only) the target's sampling distribution at
 * each continuation position.
 *
 * @param prompt      prompt tokens
 * @param tokens      continuation tokens T[0..n-1]
 * @param targetProbs targetProbs[q] = target distribution after prompt + T[0..q-1], or null (greedy only)
 */
public record Continuation(int[] prompt, int[] tokens, double[][] targetProbs) {
    public Continuation {
        prompt = prompt.clone();
        tokens = tokens.clone();
        if (targetProbs != null && targetProbs.length != tokens.length) {
            throw new ConfigSpecException("target distributions: " + targetProbs.length + " rows for " + tokens.length
                    + " continuation tokens (allowed: one per token)");
        }
    }

    @Override
    public int[] prompt() {
        return prompt.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }

    int token(int q) {
        return tokens[q];
    }

    int promptToken(int i) {
        return prompt[i];
    }

    int promptLength() {
        return prompt.length;
    }

    boolean hasDistributions() {
        return targetProbs != null;
    }
}
