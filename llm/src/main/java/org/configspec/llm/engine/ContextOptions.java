package org.configspec.llm.engine;

import org.configspec.llm.cpu.CpuSet;

/**
 * Options of an inference session (a llama.cpp context).
 *
 * @param threads         CPU threads for decoding (1..256)
 * @param contextSize     KV-cache positions per sequence; 0 = the model's training context length
 * @param sequences       independent sequences the session can hold (1..64); seq ids are 0..sequences-1
 * @param batchCapacity   most tokens one {@link TokenBatch} may hold (1..8192)
 * @param flashAttention  flash attention mode
 * @param kvCacheType     element type of the KV cache ({@code F32} for reference-exact logits)
 * @param cpus            the CPUs every thread that decodes runs on (the calling thread and llama.cpp's workers), at
 *                        least one per thread; null: not pinned
 */
public record ContextOptions(int threads, int contextSize, int sequences, int batchCapacity,
                             FlashAttention flashAttention, KvCacheType kvCacheType, CpuSet cpus) {
    /** The most KV-cache positions of one sequence: 2^20 (the bound of {@code contextSize}, and of a model's default). */
    public static final int MAX_CONTEXT = 1 << 20;

    /** llama.cpp's {@code llama_flash_attn_type}. */
    public enum FlashAttention {
        AUTO(-1), OFF(0), ON(1);
        public final int id;

        FlashAttention(int id) {
            this.id = id;
        }
    }

    /** KV-cache element type ({@code ggml_type} id). */
    public enum KvCacheType {
        F32(0), F16(1), Q8_0(8);
        public final int ggmlType;

        KvCacheType(int ggmlType) {
            this.ggmlType = ggmlType;
        }
    }

    public ContextOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads = " + threads + ": allowed 1..256");
        }
        if (contextSize < 0 || contextSize > MAX_CONTEXT) {
            throw new IllegalArgumentException("contextSize = " + contextSize + ": allowed 0 (model's) .. 1048576");
        }
        if (sequences < 1 || sequences > 64) {
            throw new IllegalArgumentException("sequences = " + sequences + ": allowed 1..64");
        }
        if (batchCapacity < 1 || batchCapacity > 8192) {
            throw new IllegalArgumentException("batchCapacity = " + batchCapacity + ": allowed 1..8192");
        }
        if (flashAttention == null || kvCacheType == null) {
            throw new IllegalArgumentException("flashAttention and kvCacheType are required");
        }
        if (cpus != null && threads > cpus.size()) {
            // ggml's threads meet at a barrier after every operation; two on one CPU wait for the scheduler each time.
            // Measured 2026-11-30 (stories15M F32, one token per decode, the JVM under taskset -c 0): the prebuilt
            // libraries (a spinning barrier) 3.6-5.9 ms per token with 1 thread, 616-710 ms with 2; the OpenMP build
            // 2.9 ms and 4.6-5.3 ms
            throw new IllegalArgumentException(threads + " llama threads on " + cpus.describe() + ": allowed at most"
                    + " one thread per pinned CPU (" + cpus.size() + ")");
        }
    }

    /** Not pinned. */
    public ContextOptions(int threads, int contextSize, int sequences, int batchCapacity,
                          FlashAttention flashAttention, KvCacheType kvCacheType) {
        this(threads, contextSize, sequences, batchCapacity, flashAttention, kvCacheType, null);
    }

    /** Default threads: the available processors, at most 4. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Defaults: {@link #defaultThreads()}, model context, 1 sequence, batch 512, flash attention auto, F16 KV. */
    public static ContextOptions defaults() {
        return new ContextOptions(defaultThreads(), 0, 1, 512, FlashAttention.AUTO, KvCacheType.F16);
    }

    /** Settings whose batched logits match sequential decoding to ~1e-5 on F32 models. */
    public ContextOptions exact() {
        return new ContextOptions(threads, contextSize, sequences, batchCapacity, FlashAttention.OFF, KvCacheType.F32,
                cpus);
    }

    public ContextOptions withThreads(int t) {
        return new ContextOptions(t, contextSize, sequences, batchCapacity, flashAttention, kvCacheType, cpus);
    }

    public ContextOptions withSequences(int s) {
        return new ContextOptions(threads, contextSize, s, batchCapacity, flashAttention, kvCacheType, cpus);
    }

    public ContextOptions withContextSize(int c) {
        return new ContextOptions(threads, c, sequences, batchCapacity, flashAttention, kvCacheType, cpus);
    }

    public ContextOptions withBatchCapacity(int b) {
        return new ContextOptions(threads, contextSize, sequences, b, flashAttention, kvCacheType, cpus);
    }

    /** Pinned to {@code c} (null: not pinned); set the threads first, at most one per CPU. */
    public ContextOptions withCpus(CpuSet c) {
        return new ContextOptions(threads, contextSize, sequences, batchCapacity, flashAttention, kvCacheType, c);
    }
}
