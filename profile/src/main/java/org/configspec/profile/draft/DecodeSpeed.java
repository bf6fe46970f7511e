package org.configspec.profile.draft;

import org.configspec.core.stats.Measured;
import org.configspec.core.error.Check;

/**
 * Single-token decode speed of one model, measured like llama-bench's {@code tg} test (empty KV cache, N single-token
 * decodes, context N) over every repetition of every round.
 *
 * @param model      model name as given
 * @param decode     tok/s of the decodes alone (teacher-forced from the greedy sequence, as llama-bench feeds tokens)
 * @param greedy     tok/s of greedy decoding (decode + argmax of the logits), the production step
 * @param llamaBench llama-bench's figure for the same GGUF and threads
 */
public record DecodeSpeed(String model, Measured decode, Measured greedy, LlamaBenchTg llamaBench) {
    public DecodeSpeed {
        Check.name("model", model);
        if (decode == null || greedy == null || llamaBench == null) {
            throw new IllegalArgumentException("decode, greedy and llamaBench are required");
        }
    }

    /** ConfigSpec's median decode tok/s over llama-bench's median; NaN without a llama-bench figure. */
    public double ratio() {
        return llamaBench.measured() ? decode.value() / llamaBench.meanTokPerS() : Double.NaN;
    }
}
