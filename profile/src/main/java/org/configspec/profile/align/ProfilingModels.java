package org.configspec.profile.align;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.model.ModelStore;

/**
 * Loads a target and its drafts by name (default model names or GGUF paths) and opens one session on each with
 * {@link #options(int)}. Closes the sessions and models on {@link #close()}. Not thread-safe.
 */
public final class ProfilingModels implements AutoCloseable {
    private final List<LlamaModel> models = new ArrayList<>();
    private final LlamaSession target;
    private final ModelRef targetRef;
    private final List<AlignmentProfiler.Draft> drafts = new ArrayList<>();

    public ProfilingModels(ModelStore store, String targetName, List<String> draftNames, int threads) {
        this(store, targetName, draftNames, threads, true);
    }

    /** The drafts alone, for a target on a serving engine ({@link #target()} and {@link #targetRef()} are null). */
    public static ProfilingModels draftsOnly(ModelStore store, List<String> draftNames, int threads) {
        return new ProfilingModels(store, null, draftNames, threads, false);
    }

    private ProfilingModels(ModelStore store, String targetName, List<String> draftNames, int threads,
                            boolean withTarget) {
        try {
            ContextOptions o = options(threads);
            LlamaModel t = withTarget ? load(store, "--target", targetName) : null;
            target = t == null ? null : t.newSession(o);
            targetRef = t == null ? null : ModelRef.of(targetName, t.info());
            int vocab = -1;
            for (String d : draftNames) {
                LlamaModel m = load(store, "--draft", d);
                vocab = vocab < 0 ? m.vocabSize() : vocab;
                if (t == null && m.vocabSize() != vocab) {
                    throw new ConfigSpecException("--draft " + d + ": vocabulary of " + m.vocabSize()
                            + " tokens differs from the first draft's " + vocab + " (allowed: the same vocabulary)");
                }
                if (t != null && m.vocabSize() != t.vocabSize()) {
                    throw new ConfigSpecException("--draft " + d + ": vocabulary of " + m.vocabSize()
                            + " tokens differs from the target's " + t.vocabSize() + " (allowed: the same vocabulary)");
                }
                drafts.add(new AlignmentProfiler.Draft(ModelRef.of(d, m.info()), m.newSession(o)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The profiling context: the model's own context length, F32 KV cache and flash attention off
     * ({@link ContextOptions#exact()}), so that the target's batched verification agrees with sequential decoding.
     */
    public static ContextOptions options(int threads) {
        if (threads < 1 || threads > 256) {
            throw new ConfigSpecException("--threads = " + threads + ": allowed 1..256");
        }
        return ContextOptions.defaults().withThreads(threads).withContextSize(0).withBatchCapacity(64).exact();
    }

    private LlamaModel load(ModelStore store, String flag, String name) {
        try {
            Path p = store.resolve(name);
            LlamaModel m = LlamaModel.load(p);
            models.add(m);
            return m;
        } catch (LlmException e) {
            throw new ConfigSpecException(flag + " " + name + ": " + e.getMessage(), e);
        }
    }

    public LlamaSession target() {
        return target;
    }

    public ModelRef targetRef() {
        return targetRef;
    }

    public List<AlignmentProfiler.Draft> drafts() {
        return List.copyOf(drafts);
    }

    @Override
    public void close() {
        for (int i = models.size() - 1; i >= 0; i--) {
            models.get(i).close();
        }
        models.clear();
    }
}
