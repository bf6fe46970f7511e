package org.configspec.llm.remote;

import java.util.List;

/**
 * Teacher-forced scores of a given token sequence: row i is the target's distribution at position
 * {@code from + i}, i.e. the one that predicts {@code ids[from + i]} from {@code ids[0 .. from + i)}.
 *
 * @param from     the first scored position (≥ 1: position 0 has no context)
 * @param rows     one row per position from {@code from} to the end of the sequence
 * @param requests how many requests it took (1, or one per position on llama-server)
 * @param usage    the tokens the provider counted over those requests
 */
public record PromptScores(int from, List<PositionTop> rows, int requests, Usage usage) {
    public PromptScores {
        rows = List.copyOf(rows);
        if (from < 1) {
            throw new IllegalArgumentException("from = " + from + ": allowed >= 1");
        }
    }
}
