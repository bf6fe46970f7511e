package org.configspec.llm.remote;

import java.util.List;
import java.util.Objects;

/**
 * Teacher-forced scores of a given token sequence, the shape of one verification round: row i is the target's
 * distribution at position {@code from + i}, i.e. the one that predicts {@code ids[from + i]} from
 * {@code ids[0 .. from + i)}; {@code next} is the distribution after the whole sequence (the one a bonus token is
 * drawn from), its {@code chosen} the target's greedy token there.
 *
 * @param from     the first scored position (≥ 1: position 0 has no context)
 * @param rows     one row per position from {@code from} to the end of the sequence
 * @param next     the distribution after the last token
 * @param requests how many requests it took (1, or one per position and one for {@code next} on llama-server)
 * @param usage    the tokens the provider counted over those requests
 */
public record PromptScores(int from, List<PositionTop> rows, PositionTop next, int requests, Usage usage) {
    public PromptScores {
        rows = List.copyOf(rows);
        Objects.requireNonNull(next, "next");
        if (from < 1) {
            throw new IllegalArgumentException("from = " + from + ": allowed >= 1");
        }
    }
}
