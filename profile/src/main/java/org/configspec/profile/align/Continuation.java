package org.configspec.profile.align;

import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * The target's greedy continuation of one prompt, and (sampling mode only) what is known of the target's
 * distribution at each continuation position: in full (a local target), or its top-N listing (a serving engine).
 *
 * @param prompt      prompt tokens
 * @param tokens      continuation tokens T[0..n-1]
 * @param targetProbs targetProbs[q] = target sampling distribution after prompt + T[0..q-1], or null
 * @param targetTop   targetTop.get(q) = the target's top-N listing at temperature 1 there, or null
 */
public record Continuation(int[] prompt, int[] tokens, double[][] targetProbs, List<TopRow> targetTop) {
    public Continuation {
        prompt = prompt.clone();
        tokens = tokens.clone();
        if (targetProbs != null && targetProbs.length != tokens.length) {
            throw new ConfigSpecException("target distributions: " + targetProbs.length + " rows for " + tokens.length
                    + " continuation tokens (allowed: one per token)");
        }
        targetTop = targetTop == null ? null : List.copyOf(targetTop);
        if (targetTop != null && targetTop.size() != tokens.length) {
            throw new ConfigSpecException("target top-N rows: " + targetTop.size() + " rows for " + tokens.length
                    + " continuation tokens (allowed: one per token)");
        }
        if (targetTop != null && targetProbs != null) {
            throw new ConfigSpecException("target distributions given both in full and as top-N rows (allowed: one)");
        }
    }

    /** A continuation with the target's full distributions (or none). */
    public Continuation(int[] prompt, int[] tokens, double[][] targetProbs) {
        this(prompt, tokens, targetProbs, null);
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
        return targetProbs != null || targetTop != null;
    }
}
