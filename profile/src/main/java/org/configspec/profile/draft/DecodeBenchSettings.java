package org.configspec.profile.draft;

import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.ContextOptions;

/**
 * What {@link DecodeBench} measures and how (validated here; messages name the {@code configspec bench decode} flag).
 *
 * @param models         models for the decode-speed table (default model names or GGUF paths; at least one)
 * @param batchModels    models for the batch-cost table (may be empty)
 * @param tokens         single-token decodes per repetition, from an empty KV cache of that many positions (-n)
 * @param reps           timed repetitions per round (--reps)
 * @param warmup         untimed warm-up repetitions before each series (--warmup)
 * @param threads        CPU threads (--threads)
 * @param rounds         rounds alternating ConfigSpec and llama-bench (--rounds)
 * @param maxK           largest batch K of the batch-cost table (--max-k)
 * @param flashAttention flash attention, as llama-bench's {@code -fa}
 * @param kvType         KV-cache type, as llama-bench's {@code -ctk}/{@code -ctv}
 * @param llamaBench     llama-bench executable to compare with, or null for none
 */
public record DecodeBenchSettings(List<String> models, List<String> batchModels, int tokens, int reps, int warmup,
                                  int threads, int rounds, int maxK, ContextOptions.FlashAttention flashAttention,
                                  ContextOptions.KvCacheType kvType, Path llamaBench) {
    public DecodeBenchSettings {
        DraftBenchSettings.range("-n", tokens, 1, 4096);
        DraftBenchSettings.range("--reps", reps, 1, 1000);
        DraftBenchSettings.range("--warmup", warmup, 0, 100);
        DraftBenchSettings.range("--max-k", maxK, 1, 64);
        DraftBenchSettings.range("--rounds", rounds, 1, 100);
        DraftBenchSettings.range("--threads", threads, 1, 256);
        if (models == null || models.isEmpty()) {
            throw new ConfigSpecException("--models: allowed at least one model name or GGUF path");
        }
        models = List.copyOf(models);
        batchModels = batchModels == null ? List.of() : List.copyOf(batchModels);
        if (flashAttention == null || kvType == null) {
            throw new ConfigSpecException("--flash-attn and --kv-type are required");
        }
    }

    /** Timed repetitions per K of the batch-cost table: more than the decode table's, as each is one short decode. */
    public int batchReps() {
        return Math.max(5, reps * 4);
    }
}
