package org.configspec.profile.draft;

import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;

/**
 * Single-token decode speed at a context depth: the KV cache holds {@code depthTokens} tokens (prefilled, untimed), then
 * {@code tokensPerRep} greedy single-token decode steps are timed (llama-bench {@code tg} at {@code -d depth}).
 *
 * @param depthTokens  tokens in the KV cache before the timed steps
 * @param tokensPerRep single-token decodes timed per repetition
 * @param tokPerS      tokens/s, one sample per repetition
 */
public record DecodeRate(int depthTokens, int tokensPerRep, Measured tokPerS) {
    public DecodeRate {
        Check.atLeast("decode depthTokens", depthTokens, 0);
        Check.atLeast("decode tokensPerRep", tokensPerRep, 1);
        Check.present("decode tokPerS", tokPerS);
        if (!"tok/s".equals(tokPerS.unit())) {
            throw new ConfigSpecException("decode rate unit must be tok/s, got " + tokPerS.unit());
        }
        Check.positive("decode tok/s at depth " + depthTokens, tokPerS.value());
    }
}
