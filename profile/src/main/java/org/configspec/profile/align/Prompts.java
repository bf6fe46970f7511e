package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.InferenceEngine;

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
     * on the token sequence (single-token decodes), whatever the round structure. Returns the step that continues.
     */
    static DecodeStep decodePrefix(InferenceEngine e, int[] prompt) {
        e.clear();
        DecodeStep step = new DecodeStep(e);
        step.prefill(prompt, 0, prompt.length - 1, DecodeStep.Logits.NONE);
        return step;
    }
}
