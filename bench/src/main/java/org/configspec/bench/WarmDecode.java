package org.configspec.bench;

import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;

/**
 * llama-bench's {@code tg N} through ConfigSpec on one loaded model and session kept for every repetition (as
 * llama-bench keeps its own within a run), so that repetitions time the decode loop, not model loading or the JIT:
 * from an empty KV cache of N positions, N single-token steps through {@link DecodeStep} (flash attention auto, F16
 * KV, as llama-bench's defaults). Not thread-safe.
 */
final class WarmDecode implements AutoCloseable {
    private static final int WARM_UP_RUNS = 3;

    private final LlamaModel model;
    private final LlamaSession session;
    private final DecodeStep step;
    private final int[] seq;

    WarmDecode(java.nio.file.Path gguf, int threads, int tokens) {
        this.model = LlamaModel.load(gguf);
        try {
            this.session = model.newSession(new ContextOptions(threads, tokens, 1, 512,
                    ContextOptions.FlashAttention.AUTO, ContextOptions.KvCacheType.F16));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        this.step = new DecodeStep(session);
        this.seq = new int[tokens + 1];
        seq[0] = model.bos();
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            greedy();
        }
    }

    /** tok/s of greedy decoding (decode + argmax, each token fed back), the production step. */
    double greedy() {
        session.clear();
        long t0 = System.nanoTime();
        step.greedy(seq[0], 0, seq.length - 1, seq, 1);
        return (seq.length - 1) / ((System.nanoTime() - t0) / 1e9);
    }

    /** tok/s of the same tokens fed without the argmax (logits computed), as llama-bench's tg feeds its tokens. */
    double forced() {
        session.clear();
        long t0 = System.nanoTime();
        step.force(seq, 0, seq.length - 1);
        return (seq.length - 1) / ((System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void close() {
        session.close();
        model.close();
    }
}
