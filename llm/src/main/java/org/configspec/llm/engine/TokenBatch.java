package org.configspec.llm.engine;

import java.util.Arrays;

/**
 * Tokens to decode in one call: for each entry a token id, its position, its sequence id and whether its logits are
 * wanted. Entry i of the batch is "batch index" i for {@link InferenceEngine#logits(int)}. Mutable and reusable
 * ({@link #clear()}); not thread-safe.
 */
public final class TokenBatch {
    private int[] tokens;
    private int[] positions;
    private int[] sequences;
    private boolean[] logits;
    private int size;

    public TokenBatch(int initialCapacity) {
        int c = Math.max(1, initialCapacity);
        tokens = new int[c];
        positions = new int[c];
        sequences = new int[c];
        logits = new boolean[c];
    }

    /** Adds one token; returns its batch index. */
    public int add(int token, int position, int sequence, boolean wantLogits) {
        if (size == tokens.length) {
            int c = size * 2;
            tokens = Arrays.copyOf(tokens, c);
            positions = Arrays.copyOf(positions, c);
            sequences = Arrays.copyOf(sequences, c);
            logits = Arrays.copyOf(logits, c);
        }
        tokens[size] = token;
        positions[size] = position;
        sequences[size] = sequence;
        logits[size] = wantLogits;
        return size++;
    }

    /** Adds consecutive tokens of one sequence starting at {@code firstPosition}; logits for all or only the last. */
    public TokenBatch addSequence(int[] toks, int firstPosition, int sequence, boolean allLogits) {
        for (int i = 0; i < toks.length; i++) {
            add(toks[i], firstPosition + i, sequence, allLogits || i == toks.length - 1);
        }
        return this;
    }

    public static TokenBatch of(int[] toks, int firstPosition, int sequence, boolean allLogits) {
        return new TokenBatch(toks.length).addSequence(toks, firstPosition, sequence, allLogits);
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public int token(int i) {
        return tokens[check(i)];
    }

    public int position(int i) {
        return positions[check(i)];
    }

    public int sequence(int i) {
        return sequences[check(i)];
    }

    public boolean wantsLogits(int i) {
        return logits[check(i)];
    }

    int[] tokensArray() {
        return tokens;
    }

    int[] positionsArray() {
        return positions;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("batch index " + i + " of " + size);
        }
        return i;
    }
}
