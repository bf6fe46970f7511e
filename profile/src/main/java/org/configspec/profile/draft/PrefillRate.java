package org.configspec.profile.draft;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;

/**
 * Prompt-processing speed: one batch of {@code promptTokens} tokens decoded in one call on top of
 * {@code depthTokens} cached tokens (llama-bench {@code pp}).
 *
 * @param depthTokens  tokens in the KV cache before the batch
 * @param promptTokens tokens in the timed batch
 * @param tokPerS      tokens/s, one sample per repetition
 */
public record PrefillRate(int depthTokens, int promptTokens, Measured tokPerS) {
    public PrefillRate {
        Check.atLeast("prefill depthTokens", depthTokens, 0);
        Check.atLeast("prefill promptTokens", promptTokens, 1);
        Check.present("prefill tokPerS", tokPerS);
        if (!"tok/s".equals(tokPerS.unit())) {
            throw new ConfigSpecException("prefill rate unit must be tok/s, got " + tokPerS.unit());
        }
        Check.positive("prefill tok/s of " + promptTokens + " tokens", tokPerS.value());
    }
}
