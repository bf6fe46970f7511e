package org.configspec.serve.verifier;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One client's generation on the server: its KV-cache sequence id, its committed tokens, its acceptance strategy.
 * The KV cache always holds committed tokens 0..length−2 (the last committed token is decoded with the next draft).
 * Mutated only by the decode thread; {@link #lastUsedNanos} and {@link #closed} are read by others.
 */
final class ServerSession {
    final String id;
    final int seq;
    final int promptLength;
    final Acceptance acceptance;
    final boolean greedy;
    final long seed;
    private int[] tokens;
    private int length;
    volatile long lastUsedNanos;
    volatile boolean closed;

    /**
     * {@code contextPositions}: the KV positions of the session's sequence (--context). A verify decodes positions up to
     * position + K − 1, so the token the target picks after the last position is committed without ever being
     * decoded: a session holds up to contextPositions + 1 committed tokens, as many as llama.cpp's own generation
     * (and configspec generate) produces in a context of that size.
     */
    ServerSession(String id, int seq, int[] prompt, Acceptance acceptance, boolean greedy, long seed,
                  int contextPositions) {
        this.id = id;
        this.seq = seq;
        this.promptLength = prompt.length;
        this.acceptance = acceptance;
        this.greedy = greedy;
        this.seed = seed;
        this.tokens = Arrays.copyOf(prompt, Math.max(contextPositions + 1, prompt.length));
        this.length = prompt.length;
        this.lastUsedNanos = System.nanoTime();
    }

    int length() {
        return length;
    }

    int token(int i) {
        return tokens[i];
    }

    /** The committed tokens (prompt + generated), a copy. */
    int[] committed() {
        return Arrays.copyOf(tokens, length);
    }

    int[] prompt() {
        return Arrays.copyOf(tokens, promptLength);
    }

    void rollback(int newLength) {
        length = newLength;
    }

    /** Appends the accepted drafts and the target's token; refuses (unchanged) when they do not fit the context. */
    void commit(int[] draft, int accepted, int token) {
        if (accepted < 0 || accepted > draft.length || length + accepted + 1 > tokens.length) {
            throw new IllegalStateException("cannot commit " + accepted + " of " + draft.length + " drafted tokens + 1"
                    + " after " + length + " tokens: the session holds at most " + tokens.length);
        }
        System.arraycopy(draft, 0, tokens, length, accepted);
        tokens[length + accepted] = token;
        length += accepted + 1;
    }

    /** The acceptance draws of the verify at {@code position}: a retry at the same position draws the same numbers. */
    SplittableRandom randomAt(int position) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + position);
    }
}
