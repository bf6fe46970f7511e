package org.configspec.profile.draft;

import java.util.List;
import org.configspec.core.error.Check;
import org.configspec.core.stats.Measured;

/**
 * One result object of llama-bench's JSON / JSONL output, reduced to the fields ConfigSpec keys on (the schema varies
 * by llama-bench version; every other field is ignored). Strings are empty and numbers 0 where the field is absent.
 *
 * @param where          file and line of the object, for messages
 * @param nPrompt        {@code n_prompt}: prompt tokens (0 for a pure tg test)
 * @param nGen           {@code n_gen}: generated tokens (0 for a pure pp test)
 * @param nDepth         {@code n_depth}: tokens in the KV cache before the test (absent before depth support: 0)
 * @param avgTs          {@code avg_ts}: mean tokens/s over the repetitions
 * @param stddevTs       {@code stddev_ts}: their standard deviation (NaN when absent)
 * @param samplesTs      {@code samples_ts}: tokens/s of each repetition (empty when absent, e.g. older builds)
 * @param modelFilename  {@code model_filename}
 * @param modelType      {@code model_type}, e.g. {@code qwen2 7B Q4_K - Medium}
 * @param modelSize      {@code model_size}: bytes of tensor data
 * @param modelNParams   {@code model_n_params}
 * @param nThreads       {@code n_threads}
 * @param cpuInfo        {@code cpu_info}
 * @param buildCommit    {@code build_commit}
 * @param buildNumber    {@code build_number}
 * @param testTime       {@code test_time}
 * @param typeK          {@code type_k} (KV-cache type)
 * @param flashAttn      {@code flash_attn} as written (a boolean in older builds, -1/0/1 in newer ones)
 */
public record LlamaBenchRow(String where, int nPrompt, int nGen, int nDepth, double avgTs, double stddevTs,
                            List<Double> samplesTs, String modelFilename, String modelType, long modelSize,
                            long modelNParams, int nThreads, String cpuInfo, String buildCommit, long buildNumber,
                            String testTime, String typeK, String flashAttn) {
    public LlamaBenchRow {
        Check.name("where", where);
        samplesTs = samplesTs == null ? List.of() : List.copyOf(samplesTs);
        modelFilename = modelFilename == null ? "" : modelFilename;
        modelType = modelType == null ? "" : modelType;
        cpuInfo = cpuInfo == null ? "" : cpuInfo;
        buildCommit = buildCommit == null ? "" : buildCommit;
        testTime = testTime == null ? "" : testTime;
        typeK = typeK == null ? "" : typeK;
        flashAttn = flashAttn == null ? "" : flashAttn;
    }

    /** A text-generation test: tokens decoded one at a time. */
    public boolean isTg() {
        return nPrompt == 0 && nGen > 0;
    }

    /** A prompt-processing test: one batch of n_prompt tokens. */
    public boolean isPp() {
        return nGen == 0 && nPrompt > 0;
    }

    /** tokens/s as a {@link Measured}: median and order-statistic interval of samples_ts, else avg_ts ± stddev_ts. */
    public Measured tokPerS() {
        if (!samplesTs.isEmpty()) {
            return Measured.median("tok/s", samplesTs);
        }
        return Measured.ofMean("tok/s", avgTs, stddevTs, 0);
    }
}
