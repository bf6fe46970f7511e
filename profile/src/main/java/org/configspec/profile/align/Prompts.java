package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.engine.TokenBatch;

/** Shared steps of the passes: checks and the prompt prefix, decoded identically by every pass. */
final class Prompts {
    private Prompts() {
    }

    static void checkFits(InferenceEngine e, String who, int promptTokens, int tokens) {
        if (promptTokens < 1) {
            throw new ConfigSpecException("prompt has no tokens: at least one (BOS) is needed");
        }
        if (promptTokens + tokens > e.contextPerSequence()) {
            throw new ConfigSpecException(who + ": prompt of " + promptTokens + " tokens + " + tokens
                    + " continuation tokens exceeds the context of " + e.contextPerSequence()
                    + " positions; allowed --tokens <= " + (e.contextPerSequence() - promptTokens));
        }
    }

    /**
     * Clears the engine and decodes prompt[0..m-2] (all but the last token) in batches without logits; the last prompt
     * token is then decoded on its own by the caller, like every later token, so that the KV cache contents depend only
     * on the token sequence (single-token decodes), whatever the round structure.
     */
    static void decodePrefix(InferenceEngine e, int[] prompt) {
        e.clear();
        int end = prompt.length - 1;
        int cap = e.batchCapacity();
        TokenBatch b = new TokenBatch(Math.min(Math.max(1, end), cap));
        for (int start = 0; start < end; start += cap) {
            b.clear();
            for (int i = start; i < Math.min(end, start + cap); i++) {
                b.add(prompt[i], i, 0, false);
            }
            e.decode(b);
        }
    }

    /** Decodes one token of sequence 0 with its logits (batch index 0). */
    static void decodeOne(InferenceEngine e, TokenBatch one, int token, int position, boolean logits) {
        one.clear();
        one.add(token, position, 0, logits);
        e.decode(one);
    }
}
