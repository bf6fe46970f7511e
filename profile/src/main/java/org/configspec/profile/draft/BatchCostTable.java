package org.configspec.profile.draft;

import java.util.List;
import org.configspec.core.error.Check;
import org.configspec.llm.engine.ContextOptions;

/**
 * The batch-cost table of one model.
 *
 * @param model          model name as given
 * @param prefixTokens   tokens in the KV cache before each batch
 * @param threads        CPU threads
 * @param flashAttention flash attention mode
 * @param kvType         KV-cache type
 * @param reps           timed repetitions per K (each row is their median)
 * @param warmup         untimed warm-up repetitions per K
 * @param rows           K = 1..max-k in order
 */
public record BatchCostTable(String model, int prefixTokens, int threads, ContextOptions.FlashAttention flashAttention,
                             ContextOptions.KvCacheType kvType, int reps, int warmup, List<BatchCost> rows) {
    public BatchCostTable {
        Check.name("model", model);
        rows = List.copyOf(rows);
    }
}
