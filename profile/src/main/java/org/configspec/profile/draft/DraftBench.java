package org.configspec.profile.draft;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Measured;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.model.ModelInfo;
import org.configspec.llm.model.ModelInspector;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.timing.RepetitionTimer;
import org.configspec.profile.timing.Samples;

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
 * kind of input. Every decode goes through {@link DecodeStep}, the loop generation and drafting run; warm-up and
 * repetitions through {@link RepetitionTimer}. Samples are wall times from {@link System#nanoTime()}: the machine's
 * other load shows up as spread (the 1-minute load average before and after is noted).
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
    private final HostLoad hostLoad;

    public DraftBench(ModelStore store, EnergyProbe energy, Consumer<String> progress) {
        this(store, energy, progress, ProcHostLoad.system());
    }

    /** With the machine's load read from {@code hostLoad} before and after each measurement. */
    public DraftBench(ModelStore store, EnergyProbe energy, Consumer<String> progress, HostLoad hostLoad) {
        this.store = store;
        this.energy = energy == null ? EnergyProbe.none() : energy;
        this.progress = progress == null ? m -> { } : progress;
        this.hostLoad = hostLoad;
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
        HostLoad.Sample atStart = hostLoad.sample();
        double loadBefore = atStart.loadAverage1();

        progress.accept(name + ": loading (" + s.warmup() + " warm-up + " + s.reps() + " timed loads)");
        RepetitionTimer timer = RepetitionTimer.of(s.warmup(), s.reps());
        long[] rss = new long[2];
        LlamaModel[] loaded = new LlamaModel[1];
        try {
            Samples loads = timer.run(1, r -> {
                if (loaded[0] != null) {
                    loaded[0].close();
                    loaded[0] = null;
                }
                rss[0] = ProcSelf.rssBytes();
                r.time(0, () -> loaded[0] = LlamaModel.load(path));
                rss[1] = ProcSelf.rssBytes();
            });
            LlamaModel model = loaded[0];
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
                prefill = List.of(prefill(session, tokens, s, timer));
                boolean first = true;
                for (int d : s.depths()) {
                    progress.accept(name + ": decode " + s.decodeTokens() + " tokens at depth " + d);
                    decode.add(decodeAt(session, tokens, d, s, timer, first ? watts : null));
                    first = false;
                }
                progress.accept(name + ": time to draft K = 1.." + s.kMax() + " (K interleaved within each repetition)");
                draft = draftCosts(session, tokens, s, timer);
            }
            Measured power = watts.size() == s.reps() ? Measured.median("W", watts) : null;
            if (power == null && !energy.method().isEmpty()) {
                notes.add("power meter " + energy.method() + " returned no energy for some windows: power unknown");
            }
            HostLoad.Sample atEnd = hostLoad.sample();
            double loadAfter = atEnd.loadAverage1();
            int cpus = Runtime.getRuntime().availableProcessors();
            Contention busy = Contention.judge(atStart, atEnd,
                    decode.isEmpty() ? null : decode.get(0).tokPerS());
            if (busy.busy()) {
                notes.add(Contention.NOTE_PREFIX + busy.summary());
                progress.accept("warning: " + name + ": measured on a busy machine (" + busy.summary()
                        + "): its figures are flagged as suspect");
            }
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
            MemoryUse mem = new MemoryUse(info.fileSize(), rss[0], rss[1], ProcSelf.peakRssBytes());
            ModelIdentity id = new ModelIdentity(name, path.toString(), info.architecture(), info.fileType(),
                    info.sha256(), info.parameterCount());
            HostInfo host = new HostInfo(ProcSelf.cpuModel(), "llama.cpp " + rt.version(), rt.libraryFile().toString(),
                    TOOL);
            Harness h = new Harness(s.warmup(), s.reps(), s.threads(), o.contextSize(),
                    o.flashAttention().name().toLowerCase(Locale.ROOT), o.kvCacheType().name().toLowerCase(Locale.ROOT));
            return new DraftMeasurement(TOOL, date, id, host, h, Measured.median("s", loads.seconds(0)), prefill, decode, draft, mem,
                    power, power == null ? "" : energy.method(), notes);
        } finally {
            if (loaded[0] != null) {
                loaded[0].close();
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

    private PrefillRate prefill(LlamaSession session, int[] tokens, DraftBenchSettings s, RepetitionTimer timer) {
        int p = s.prefillTokens();
        DecodeStep step = new DecodeStep(session);
        Samples t = timer.run(session::clear, () -> step.prefill(tokens, 0, p, DecodeStep.Logits.LAST));
        session.clear();
        return new PrefillRate(0, p, Measured.median("tok/s", t.perSecond(0, p)));
    }

    private DecodeRate decodeAt(LlamaSession session, int[] tokens, int depth, DraftBenchSettings s,
                                RepetitionTimer timer, List<Double> watts) {
        session.clear();
        DecodeStep step = new DecodeStep(session);
        step.prefill(tokens, 0, depth, DecodeStep.Logits.LAST);
        int n = s.decodeTokens();
        Samples t = timer.run(1, r -> {
            session.truncate(0, depth);
            EnergyProbe.Window w = r.timed() && watts != null
                    ? energy.begin("decode depth " + depth + " rep " + r.index()) : null;
            long dt = r.time(0, () -> step.greedy(tokens[depth], depth, n, null, 0));
            if (w != null) {
                OptionalDouble j = w.end();
                if (j.isPresent() && j.getAsDouble() > 0) {
                    watts.add(j.getAsDouble() / (dt / 1e9));
                }
            }
        });
        return new DecodeRate(depth, n, Measured.median("tok/s", t.perSecond(0, n)));
    }

    /**
     * Time to draft K for K = 1..kMax. Repetition-major, K-minor: each repetition times every K in turn, so a slow
     * phase of a shared machine falls on all K alike instead of on the few K measured during it.
     */
    private List<DraftCost> draftCosts(LlamaSession session, int[] tokens, DraftBenchSettings s, RepetitionTimer timer) {
        int prefix = s.draftPrefix();
        session.clear();
        DecodeStep step = new DecodeStep(session);
        step.prefill(tokens, 0, prefix - 1, DecodeStep.Logits.LAST);
        Samples t = timer.run(s.kMax(), r -> {
            for (int k = 1; k <= s.kMax(); k++) {
                int count = k;
                session.truncate(0, prefix - 1);
                r.time(k - 1, () -> step.greedy(tokens[prefix - 1], prefix - 1, count, null, 0));
            }
        });
        List<DraftCost> out = new ArrayList<>();
        for (int k = 1; k <= s.kMax(); k++) {
            out.add(new DraftCost(k, k, prefix, Measured.median("ms", t.millis(k - 1))));
        }
        return out;
    }
}
