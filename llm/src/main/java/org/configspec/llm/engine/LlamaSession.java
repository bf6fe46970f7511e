package org.configspec.llm.engine;

import com.sun.jna.Pointer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.configspec.llm.LlmException;
import org.configspec.llm.binding.LlamaBatch;
import org.configspec.llm.binding.LlamaContextParams;
import org.configspec.llm.binding.LlamaLibrary;
import org.configspec.llm.cpu.CpuAffinity;

/**
 * A llama.cpp context on a {@link LlamaModel}: the {@link InferenceEngine} implementation. Holds one native batch
 * allocated once ({@link ContextOptions#batchCapacity()} entries) and the KV cache of up to
 * {@link ContextOptions#sequences()} sequences ({@link ContextOptions#contextSize()} positions each).
 * <p>With {@link ContextOptions#cpus()}, every thread that decodes is pinned there: the thread that calls
 * {@link #decode} (pinned on its first decode, and it stays pinned) and llama.cpp's workers ({@link CpuThreadpool}).
 * <p>Thread-safety: not thread-safe; use from one thread at a time. Its tokenizer (the model) is thread-safe.
 * {@link #close()} frees the batch, then the context; it is idempotent.
 */
public final class LlamaSession implements InferenceEngine {
    private final LlamaModel model;
    private final LlamaLibrary lib;
    private final ContextOptions options;
    private final int vocabSize;
    private final int contextPerSequence;
    private Pointer ctx;
    private final CpuThreadpool threadpool;
    /** Pins the decoding thread; null when the options name no CPUs. */
    private final CpuAffinity affinity;
    private final Pointer memory;
    private final LlamaBatch.ByValue batch;
    private final Pointer[] seqIdSlots;
    private final boolean[] hasLogits;
    private final byte[] logitFlags;
    private final int[] lastPos;
    /** One logits row, reused by {@link #argmax(int)}. */
    private final float[] scratch;

    LlamaSession(LlamaModel model, LlamaLibrary lib, Pointer modelHandle, ContextOptions options) {
        this.model = model;
        this.lib = lib;
        this.options = options;
        this.vocabSize = model.vocabSize();
        if (options.contextSize() == 0 && model.trainContextLength() > ContextOptions.MAX_CONTEXT) {
            // a corrupt or hostile file can declare 2^31 - 1 positions; llama.cpp would try to allocate them
            throw new LlmException("model " + model.path() + " declares a training context of "
                    + model.trainContextLength() + " positions, more than " + ContextOptions.MAX_CONTEXT
                    + ": give a context size (--ctx)");
        }
        this.affinity = options.cpus() == null ? null : CpuAffinity.system();
        if (affinity != null) {
            affinity.requireAllowed(options.cpus(), "CPUs");
        }
        int perSeq = options.contextSize() > 0 ? options.contextSize() : Math.max(1, model.trainContextLength());
        this.contextPerSequence = perSeq;
        LlamaContextParams.ByValue p = lib.llama_context_default_params();
        p.n_ctx = perSeq * options.sequences(); // at most 2^20 × 64: ContextOptions bounds both
        p.n_batch = options.batchCapacity();
        p.n_ubatch = options.batchCapacity();
        p.n_seq_max = options.sequences();
        p.n_threads = options.threads();
        p.n_threads_batch = options.threads();
        p.flash_attn_type = options.flashAttention().id;
        p.type_k = options.kvCacheType().ggmlType;
        p.type_v = options.kvCacheType().ggmlType;
        p.no_perf = 1;
        Pointer c = lib.llama_init_from_model(modelHandle, p);
        if (c == null) {
            throw new LlmException("llama.cpp could not create a context for " + model.path() + " with " + options
                    + "; set CONFIGSPEC_DEBUG=1 to see llama.cpp's log");
        }
        this.ctx = c;
        this.threadpool = Boolean.parseBoolean(System.getProperty("configspec.llama.threadpool", "true"))
                ? CpuThreadpool.create(lib, options.threads(), options.cpus()) : null;
        if (threadpool != null) {
            lib.llama_attach_threadpool(c, threadpool.handle(), null);
        }
        this.memory = lib.llama_get_memory(c);
        int cap = options.batchCapacity();
        this.batch = lib.llama_batch_init(cap, 0, 1);
        // the native struct already holds llama_batch_init's pointers; only n_tokens changes, written directly below,
        // so skip JNA's reflective write/read of every field on each by-value call
        batch.setAutoWrite(false);
        batch.setAutoRead(false);
        this.seqIdSlots = new Pointer[cap];
        int[] ones = new int[cap];
        java.util.Arrays.fill(ones, 1);
        batch.n_seq_id.write(0, ones, 0, cap);
        for (int i = 0; i < cap; i++) {
            seqIdSlots[i] = batch.seq_id.getPointer(8L * i);
        }
        this.hasLogits = new boolean[cap];
        this.logitFlags = new byte[cap];
        this.lastPos = new int[options.sequences()];
        this.scratch = new float[vocabSize];
        java.util.Arrays.fill(lastPos, -1);
    }

    public ContextOptions options() {
        return options;
    }

    public LlamaModel model() {
        return model;
    }

    @Override
    public int batchCapacity() {
        return options.batchCapacity();
    }

    @Override
    public int contextPerSequence() {
        return contextPerSequence;
    }

    @Override
    public Tokenizer tokenizer() {
        return model;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public int sequences() {
        return options.sequences();
    }

    @Override
    public void decode(TokenBatch b) {
        Pointer c = handle();
        int n = b.size();
        if (n == 0 || n > options.batchCapacity()) {
            throw new IllegalArgumentException("batch of " + n + " tokens: allowed 1.." + options.batchCapacity());
        }
        int[] expected = lastPos.clone();
        for (int i = 0; i < n; i++) {
            int t = b.token(i);
            int s = b.sequence(i);
            int pos = b.position(i);
            if (t < 0 || t >= vocabSize) {
                throw new IllegalArgumentException("batch index " + i + ": token " + t + " out of range 0.."
                        + (vocabSize - 1));
            }
            if (s < 0 || s >= options.sequences()) {
                throw new IllegalArgumentException("batch index " + i + ": sequence " + s + " out of range 0.."
                        + (options.sequences() - 1));
            }
            if (pos != expected[s] + 1) {
                throw new IllegalArgumentException("batch index " + i + ": position " + pos + " of sequence " + s
                        + " must be " + (expected[s] + 1) + " (positions continue; truncate first to go back)");
            }
            if (pos >= contextPerSequence) {
                throw new IllegalArgumentException("batch index " + i + ": position " + pos + " exceeds the context"
                        + " of " + contextPerSequence + " positions per sequence");
            }
            expected[s] = pos;
            logitFlags[i] = (byte) (b.wantsLogits(i) ? 1 : 0);
            seqIdSlots[i].setInt(0, s);
        }
        batch.token.write(0, b.tokensArray(), 0, n);
        batch.pos.write(0, b.positionsArray(), 0, n);
        batch.logits.write(0, logitFlags, 0, n);
        batch.n_tokens = n;
        batch.getPointer().setInt(0, n);
        java.util.Arrays.fill(hasLogits, false);
        if (affinity != null) {
            affinity.pinCurrentThread(options.cpus());
        }
        int rc = lib.llama_decode(c, batch);
        if (rc != 0) {
            // the KV cache may hold part of the batch: resynchronise our view from llama.cpp
            for (int s = 0; s < lastPos.length; s++) {
                lastPos[s] = lib.llama_memory_seq_pos_max(memory, s);
            }
            throw new LlmException("llama_decode failed (rc=" + rc + ") for a batch of " + n + " tokens"
                    + (rc == 1 ? ": no space left in the KV cache (context " + contextPerSequence + " per sequence)" : ""));
        }
        System.arraycopy(expected, 0, lastPos, 0, lastPos.length);
        for (int i = 0; i < n; i++) {
            hasLogits[i] = logitFlags[i] != 0;
        }
    }

    private Pointer row(int i) {
        Pointer c = handle();
        if (i < 0 || i >= hasLogits.length || !hasLogits[i]) {
            throw new IllegalArgumentException("batch index " + i + " has no logits (not requested in the last decode)");
        }
        Pointer p = lib.llama_get_logits_ith(c, i);
        if (p == null) {
            throw new LlmException("llama.cpp returned no logits for batch index " + i);
        }
        return p;
    }

    @Override
    public float[] logits(int i) {
        float[] l = row(i).getFloatArray(0, vocabSize);
        for (float v : l) {
            if (Float.isNaN(v)) {
                throw notANumber(i);
            }
        }
        return l;
    }

    /** NaN logits mean broken weights (or an overflow): stop instead of emitting token 0 for ever. */
    private LlmException notANumber(int i) {
        return new LlmException("model " + model.path() + " produced NaN logits (batch index " + i + "): its weights"
                + " contain NaN or the computation overflowed; the model cannot generate");
    }

    @Override
    public FloatBuffer logitsView(int i) {
        return row(i).getByteBuffer(0, 4L * vocabSize).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * The row is copied in bulk into a reused array and scanned there (measured ~35-45 µs per 32,000-entry row against
     * ~60-80 µs reading element by element through the direct buffer; docs/benchmarks.md); one branch per entry, NaN
     * taking the rare path.
     */
    @Override
    public int argmax(int i) {
        logitsView(i).get(0, scratch);
        float[] l = scratch;
        int best = 0;
        float max = l[0];
        if (Float.isNaN(max)) {
            throw notANumber(i);
        }
        for (int k = 1; k < l.length; k++) {
            float v = l[k];
            if (!(v <= max)) {
                if (v != v) {
                    throw notANumber(i);
                }
                max = v;
                best = k;
            }
        }
        return best;
    }

    @Override
    public void truncate(int seq, int fromPos) {
        Pointer c = handle();
        if (seq < 0 || seq >= options.sequences()) {
            throw new IllegalArgumentException("sequence " + seq + " out of range 0.." + (options.sequences() - 1));
        }
        if (fromPos < 0) {
            throw new IllegalArgumentException("position " + fromPos + " must be >= 0");
        }
        if (lib.llama_memory_seq_rm(lib.llama_get_memory(c), seq, fromPos, -1) == 0) {
            throw new LlmException("llama_memory_seq_rm refused to truncate sequence " + seq + " at " + fromPos);
        }
        lastPos[seq] = Math.min(lastPos[seq], fromPos - 1);
        java.util.Arrays.fill(hasLogits, false);
    }

    @Override
    public int positionMax(int seq) {
        handle();
        return lastPos[seq];
    }

    @Override
    public void clear() {
        lib.llama_memory_clear(lib.llama_get_memory(handle()), true);
        java.util.Arrays.fill(lastPos, -1);
        java.util.Arrays.fill(hasLogits, false);
    }

    private Pointer handle() {
        Pointer c = ctx;
        if (c == null) {
            throw new IllegalStateException("session is closed");
        }
        return c;
    }

    @Override
    public void close() {
        Pointer c = ctx;
        if (c == null) {
            return;
        }
        ctx = null;
        lib.llama_batch_free(batch);
        if (threadpool != null) {
            lib.llama_detach_threadpool(c);
        }
        lib.llama_free(c);
        if (threadpool != null) {
            threadpool.close();
        }
        model.sessionClosed(this);
    }
}
