package org.configspec.serve.verifier;

import java.util.List;

/**
 * The target side of verification, behind the decode thread of the verifier: our llama.cpp session, which decodes a
 * whole group of verifies in one batch ({@link LlamaBackend}), or a serving engine that scores each round by HTTP
 * (org.configspec.serve.backend). The verifier keeps sessions, positions, batching, acceptance and metrics; a
 * backend only answers "what are the target's rows after these tokens" and keeps whatever per-session state it caches
 * (a KV-cache sequence) in step with the committed tokens. Called from the decode thread only.
 */
public interface VerificationBackend extends AutoCloseable {

    /**
     * One round to score.
     *
     * @param slot      the session's slot (0..max-sessions − 1, reused after release)
     * @param committed the session's committed tokens (prompt + generated), the round's context
     * @param draft     the drafted tokens after them (K ≥ 0)
     * @param greedy    greedy acceptance (only the argmax of each row is used)
     * @param topK      the session's target top-k (0 = off): the rows sampling reads
     */
    record Round(int slot, int[] committed, int[] draft, boolean greedy, int topK) {
        public int position() {
            return committed.length;
        }
    }

    /** One line for the server's start message: what runs the target and what a round costs there. */
    String describe();

    /** Registers the backend's own meters with the verifier's (called once, before the first round). */
    default void bind(org.configspec.serve.metrics.VerifierMetrics metrics) {
    }

    /**
     * What a group in non-consecutive slots costs beyond one pass (in-process: more llama.cpp passes or padding,
     * measured at start), or null where slots cost nothing (a serving engine schedules its own batches).
     */
    default org.configspec.core.calibration.PassCosts passCosts() {
        return null;
    }

    /**
     * Called once on the decode thread before any other call: whatever the backend measures or loads before it
     * serves (the in-process backend times a pass and a padding token here).
     */
    default void warmUp() {
    }

    /** Most tokens (Σ (K + 1)) one group of verifies may hold. */
    int groupCapacity();

    /** A new session in {@code slot} with these prompt tokens. */
    void open(int slot, int[] prompt);

    /**
     * The rows of every round of the group, in order. On a failure of the whole group it throws; the caller then
     * {@link #keep}s every session at its position.
     */
    List<TargetRows> score(List<Round> rounds);

    /** The session in {@code slot} now holds {@code length} committed tokens (after a commit or a rollback). */
    void keep(int slot, int length);

    /** The session in {@code slot} is gone; the slot may be reused by {@link #open}. */
    void release(int slot);

    @Override
    void close();
}
