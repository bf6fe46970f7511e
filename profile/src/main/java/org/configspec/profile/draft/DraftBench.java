package org.configspec.profile.draft;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.model.ModelInfo;
import org.configspec.llm.model.ModelInspector;
import org.configspec.llm.model.ModelStore;

/**
 * Measures drafting throughput of a GGUF through llama.cpp (the {@code llm} runtime), the way llama-bench does (flash
 * attention auto, F16 KV cache, one sequence), with warm-up and repetitions:
 * <ol>
 *   <li>load time: {@code warmup} untimed then {@code reps} timed loads (page cache warm after the first); VmRSS just
 *       before and after the last load;</li>
 *   <li>prefill: one batch of {@code prefillTokens} tokens from an empty KV cache, logits of the last row only;</li>
 *   <li>decode at each depth d: d tokens prefilled (untimed), then {@code decodeTokens} single-token greedy steps
 *       (decode + argmax of the logits, each output fed back) timed; rolled back to d between repetitions; each
 *       repetition wrapped in an {@link EnergyProbe} window;</li>
 *   <li>time to draft K = 1..kMax: K single-token greedy decodes from a {@code draftPrefix}-token prefix, rolled back
 *       after each; every repetition times K = 1..kMax in turn (interleaved), so machine noise spreads over all K.</li>
 * </ol>
 * Input tokens come from a fixed English text tokenized by the model (cycled to length), so every model sees the same
 * kind of input. Samples are wall times from {@link System#nanoTime()}: the machine's other load shows up as spread (the
 * 1-minute load average before and after is noted).
 * Not thread-safe; one measurement at a time.
 */
public final class DraftBench {
    static final String TEXT = "Once upon a time, there was a little girl named Lily. She loved to play outside in the"
            + " sunshine. One day, she saw a big, red ball in the park. She ran to the ball and kicked it as far as she"
            + " could. The ball flew over the fence and landed in a garden, where an old man was picking tomatoes.";
    static final String TOOL = "configspec profile draft";

    private final ModelStore store;
    private final EnergyProbe energy;
    private final Consumer<String> progress;

    public DraftBench(ModelStore store, EnergyProbe energy, Consumer<String> progress) {
        this.store = store;
        this.energy = energy == null ? EnergyProbe.none() : energy;
        this.progress = progress == null ? m -> { } : progress;
    }

    /** With the default model store, no power meter and no progress output. */
    public static DraftBench withDefaults() {
        return new DraftBench(ModelStore.defaultStore(), EnergyProbe.none(), null);
    }

    /** Measures {@code nameOrPath} (a default model name or a GGUF path); one-line {@link ConfigSpecException} on bad input. */
    public DraftMeasurement measure(String nameOrPath, DraftBenchSettings s) {
        try {
            return run(nameOrPath, s);
        } catch (LlmException e) {
            throw new ConfigSpecException(e.getMessage(), e);
        }
    }

    private DraftMeasurement run(String nameOrPath, DraftBenchSettings s) {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        progress.accept("resolving " + nameOrPath);
        Path path = store.resolve(nameOrPath);
        ModelInfo info = ModelInspector.inspect(path);
        LlamaRuntime rt = LlamaRuntime.get();
        String name = DefaultModel.byName(nameOrPath).map(m -> m.modelName).orElse(stripGguf(path));
        List<String> notes = new ArrayList<>();
        double loadBefore = ProcSelf.loadAverage();

        progress.accept(name + ": loading (" + s.warmup() + " warm-up + " + s.reps() + " timed loads)");
        double[] loadS = new double[s.reps()];
        long rssBefore = 0;
        long rssAfter = 0;
        LlamaModel model = null;
        try {
            for (int r = -s.warmup(); r < s.reps(); r++) {
                if (model != null) {
                    model.close();
                    model = null;
                }
                rssBefore = ProcSelf.rssBytes();
                long t0 = System.nanoTime();
                model = LlamaModel.load(path);
                long dt = System.nanoTime() - t0;
                rssAfter = ProcSelf.rssBytes();
                if (r >= 0) {
                    loadS[r] = dt / 1e9;
                }
            }
            ContextOptions o = new ContextOptions(s.threads(), s.contextNeeded(), 1, s.batchCapacity(),
                    ContextOptions.FlashAttention.AUTO, ContextOptions.KvCacheType.F16);
            if (o.contextSize() > model.trainContextLength() && model.trainContextLength() > 0) {
                notes.add(String.format(Locale.ROOT, "context %d exceeds the model's training context %d: speeds at"
                        + " depths beyond it are valid timings of positions the model was not trained for",
                        o.contextSize(), model.trainContextLength()));
            }
            int[] tokens = tokens(model, s.contextNeeded());
            List<PrefillRate> prefill;
            List<DecodeRate> decode = new ArrayList<>();
            List<DraftCost> draft;
            List<Double> watts = new ArrayList<>();
            try (LlamaSession session = model.newSession(o)) {
                progress.accept(name + ": prefill of " + s.prefillTokens() + " tokens");
                prefill = List.of(prefill(session, tokens, s));
                boolean first = true;
                for (int d : s.depths()) {
                    progress.accept(name + ": decode " + s.decodeTokens() + " tokens at depth " + d);
                    decode.add(decodeAt(session, tokens, d, s, first ? watts : null));
                    first = false;
                }
                progress.accept(name + ": time to draft K = 1.." + s.kMax() + " (K interleaved within each repetition)");
                draft = draftCosts(session, tokens, s);
            }
            Measured power = watts.size() == s.reps() ? Measured.median("W", watts) : null;
            if (power == null && !energy.method().isEmpty()) {
                notes.add("power meter " + energy.method() + " returned no energy for some windows: power unknown");
            }
            double loadAfter = ProcSelf.loadAverage();
            int cpus = Runtime.getRuntime().availableProcessors();
            if (loadBefore >= 0 && loadAfter >= 0) {
                notes.add(String.format(Locale.ROOT, "system load average (1 min) %.2f before, %.2f after, on %d CPUs:"
                        + " other work on the machine shows up as spread", loadBefore, loadAfter, cpus));
                if (s.threads() > 1 && Math.max(loadBefore, loadAfter) + s.threads() > cpus) {
                    notes.add(String.format(Locale.ROOT, "%d threads on %d CPUs already loaded %.1f: llama.cpp's"
                            + " worker threads wait for each other at every step, so one descheduled thread stalls the"
                            + " decode (on the 2-CPU build machine --threads 1 gave tighter and faster figures)",
                            s.threads(), cpus, Math.max(loadBefore, loadAfter)));
                }
            }
            notes.add("memory: RSS figures are process-wide (JVM and llama.cpp included), from /proc/self/status");
            MemoryUse mem = new MemoryUse(info.fileSize(), rssBefore, rssAfter, ProcSelf.peakRssBytes());
            ModelIdentity id = new ModelIdentity(name, path.toString(), info.architecture(), info.fileType(),
                    info.sha256(), info.parameterCount());
            HostInfo host = new HostInfo(ProcSelf.cpuModel(), "llama.cpp " + rt.version(), rt.libraryFile().toString(),
                    TOOL);
            Harness h = new Harness(s.warmup(), s.reps(), s.threads(), o.contextSize(),
                    o.flashAttention().name().toLowerCase(Locale.ROOT), o.kvCacheType().name().toLowerCase(Locale.ROOT));
            return new DraftMeasurement(TOOL, date, id, host, h, Measured.median("s", loadS), prefill, decode, draft, mem,
                    power, power == null ? "" : energy.method(), notes);
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    private static String stripGguf(Path p) {
        String f = p.getFileName().toString();
        return f.toLowerCase(Locale.ROOT).endsWith(".gguf") ? f.substring(0, f.length() - 5) : f;
    }

    /** BOS (when the model has one) then the text's tokens, cycled to {@code n} tokens. */
    static int[] tokens(LlamaModel m, int n) {
        int[] text = m.tokenize(TEXT, false);
        if (text.length == 0) {
            throw new ConfigSpecException("model " + m.path() + " tokenizes the benchmark text to no tokens");
        }
        int[] out = new int[n];
        int i = 0;
        if (m.bos() >= 0) {
            out[i++] = m.bos();
        }
        for (int j = 0; i < n; i++, j++) {
            out[i] = text[j % text.length];
        }
        return out;
    }

    private PrefillRate prefill(LlamaSession session, int[] tokens, DraftBenchSettings s) {
        int p = s.prefillTokens();
        TokenBatch batch = TokenBatch.of(Arrays.copyOf(tokens, p), 0, 0, false);
        double[] tps = new double[s.reps()];
        for (int r = -s.warmup(); r < s.reps(); r++) {
            session.clear();
            long t0 = System.nanoTime();
            session.decode(batch);
            long dt = System.nanoTime() - t0;
            if (r >= 0) {
                tps[r] = p / (dt / 1e9);
            }
        }
        session.clear();
        return new PrefillRate(0, p, Measured.median("tok/s", tps));
    }

    /** Decodes tokens[from, to) into sequence 0 in chunks of the session's batch capacity, untimed. */
    private static void fill(LlamaSession session, int[] tokens, int from, int to) {
        for (int a = from; a < to; a += session.batchCapacity()) {
            int b = Math.min(to, a + session.batchCapacity());
            session.decode(TokenBatch.of(Arrays.copyOfRange(tokens, a, b), a, 0, false));
        }
    }

    private DecodeRate decodeAt(LlamaSession session, int[] tokens, int depth, DraftBenchSettings s, List<Double> watts) {
        session.clear();
        fill(session, tokens, 0, depth);
        int n = s.decodeTokens();
        TokenBatch one = new TokenBatch(1);
        double[] tps = new double[s.reps()];
        for (int r = -s.warmup(); r < s.reps(); r++) {
            session.truncate(0, depth);
            int tok = tokens[depth];
            EnergyProbe.Window w = r >= 0 && watts != null ? energy.begin("decode depth " + depth + " rep " + r) : null;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                one.clear();
                one.add(tok, depth + i, 0, true);
                session.decode(one);
                tok = session.argmax(0);
            }
            long dt = System.nanoTime() - t0;
            if (w != null) {
                OptionalDouble j = w.end();
                if (j.isPresent() && j.getAsDouble() > 0) {
                    watts.add(j.getAsDouble() / (dt / 1e9));
                }
            }
            if (r >= 0) {
                tps[r] = n / (dt / 1e9);
            }
        }
        return new DecodeRate(depth, n, Measured.median("tok/s", tps));
    }

    /**
     * Time to draft K for K = 1..kMax. Repetition-major, K-minor: each repetition times every K in turn, so a slow
     * phase of a shared machine falls on all K alike instead of on the few K measured during it.
     */
    private List<DraftCost> draftCosts(LlamaSession session, int[] tokens, DraftBenchSettings s) {
        int prefix = s.draftPrefix();
        session.clear();
        fill(session, tokens, 0, prefix - 1);
        TokenBatch one = new TokenBatch(1);
        double[][] ms = new double[s.kMax()][s.reps()];
        for (int r = -s.warmup(); r < s.reps(); r++) {
            for (int k = 1; k <= s.kMax(); k++) {
                session.truncate(0, prefix - 1);
                int tok = tokens[prefix - 1];
                long t0 = System.nanoTime();
                for (int i = 0; i < k; i++) {
                    one.clear();
                    one.add(tok, prefix - 1 + i, 0, true);
                    session.decode(one);
                    tok = session.argmax(0);
                }
                long dt = System.nanoTime() - t0;
                if (r >= 0) {
                    ms[k - 1][r] = dt / 1e6;
                }
            }
        }
        List<DraftCost> out = new ArrayList<>();
        for (int k = 1; k <= s.kMax(); k++) {
            out.add(new DraftCost(k, k, prefix, Measured.median("ms", ms[k - 1])));
        }
        return out;
    }
}
