package org.configspec.profile.draft;

import org.configspec.core.stats.Measured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Median;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.timing.NanoClock;
import org.configspec.profile.timing.RepetitionTimer;
import org.configspec.profile.timing.Repetitions;
import org.configspec.profile.timing.Samples;

/**
 * The decode benchmark of the inference runtime ({@code configspec bench decode}):
 * <ol>
 *   <li>single-token decode speed per model the way llama-bench's {@code tg} test measures it (empty KV cache, N
 *       single-token decodes, context N), through {@link DecodeStep}, the loop generation and drafting run: the greedy
 *       continuation (decode + argmax) and the same decodes teacher-forced without the argmax; each round loads the
 *       model, runs warm-up and repetitions, then llama-bench on the same GGUF when one is given, alternating;</li>
 *   <li>per batch model, the cost of a batch of K = 1..max-k tokens with logits on every row relative to one token and
 *       to K sequential single-token decodes, after the prefix "Once upon a time".</li>
 * </ol>
 * Not thread-safe; one run at a time.
 */
public final class DecodeBench {
    static final String BATCH_PREFIX = "Once upon a time";

    /** Results as they are measured, for a caller that prints while the benchmark runs. */
    public interface Listener {
        /** Before the first measurement, with the runtime's description. */
        default void started(String runtime, DecodeBenchSettings settings) {
        }

        default void speed(DecodeSpeed speed) {
        }

        default void batchCosts(BatchCostTable table) {
        }
    }

    /**
     * @param runtime     the llama.cpp library measured
     * @param speeds      one per model, in order
     * @param batchCosts  one per batch model, in order
     */
    public record Result(String runtime, List<DecodeSpeed> speeds, List<BatchCostTable> batchCosts) {
        public Result {
            speeds = List.copyOf(speeds);
            batchCosts = List.copyOf(batchCosts);
        }
    }

    private final ModelStore store;
    private final NanoClock clock;

    public DecodeBench(ModelStore store, NanoClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The default model store on {@link System#nanoTime()}. */
    public static DecodeBench withDefaults() {
        return new DecodeBench(ModelStore.defaultStore(), NanoClock.system());
    }

    /**
     * The llama-bench to compare with: {@code none} → none; a given path must be executable; without one, the native
     * build of scripts/build-llama-native when present, else none.
     */
    public static Path llamaBench(String option) {
        if (option != null) {
            if (option.equalsIgnoreCase("none")) {
                return null;
            }
            Path p = Path.of(option);
            if (!Files.isExecutable(p)) {
                throw new ConfigSpecException("--llama-bench = " + option + ": allowed an executable llama-bench or 'none'");
            }
            return p;
        }
        try {
            Path p = ConfigSpecHome.cacheDir().resolve("llama-native/build/bin/llama-bench");
            return Files.isExecutable(p) ? p : null;
        } catch (LlmException e) {
            return null;
        }
    }

    public Result run(DecodeBenchSettings s, Listener listener) {
        Listener l = listener == null ? new Listener() { } : listener;
        try {
            return measure(s, l);
        } catch (LlmException e) {
            throw new ConfigSpecException(e.getMessage(), e);
        }
    }

    private Result measure(DecodeBenchSettings s, Listener l) {
        List<Path> paths = new ArrayList<>();
        for (String n : s.models()) {
            paths.add(store.resolve(n));
        }
        String runtime = LlamaRuntime.get().describe();
        l.started(runtime, s);
        LlamaBenchRunner llamaBench = s.llamaBench() == null ? null : new LlamaBenchRunner(s.llamaBench());
        List<DecodeSpeed> speeds = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            DecodeSpeed d = speed(s.models().get(i), paths.get(i), s, llamaBench);
            speeds.add(d);
            l.speed(d);
        }
        List<BatchCostTable> tables = new ArrayList<>();
        for (String bm : s.batchModels()) {
            BatchCostTable t = batchCost(bm, store.resolve(bm), s);
            tables.add(t);
            l.batchCosts(t);
        }
        return new Result(runtime, speeds, tables);
    }

    private DecodeSpeed speed(String name, Path path, DecodeBenchSettings s, LlamaBenchRunner llamaBench) {
        int reps = s.reps();
        double[] decode = new double[s.rounds() * reps];
        double[] greedy = new double[s.rounds() * reps];
        double[] lbMean = new double[s.rounds()];
        double[] lbSd = new double[s.rounds()];
        boolean lbOk = llamaBench != null;
        for (int r = 0; r < s.rounds(); r++) {
            Samples t = decodeRound(path, s);
            System.arraycopy(t.perSecond(1, s.tokens()), 0, decode, r * reps, reps);
            System.arraycopy(t.perSecond(0, s.tokens()), 0, greedy, r * reps, reps);
            if (lbOk) {
                Optional<LlamaBenchRow> row = llamaBench.tg(path, s);
                if (row.isEmpty()) {
                    lbOk = false;
                } else {
                    lbMean[r] = row.get().avgTs();
                    lbSd[r] = row.get().stddevTs();
                }
            }
        }
        LlamaBenchTg lb = llamaBench == null ? LlamaBenchTg.notAvailable() : !lbOk ? LlamaBenchTg.failed()
                : new LlamaBenchTg(LlamaBenchTg.Status.MEASURED, Median.of(lbMean), Median.of(lbSd));
        return new DecodeSpeed(name, Measured.median("tok/s", decode), Measured.median("tok/s", greedy), lb);
    }

    /**
     * One round on a freshly loaded model: per repetition, series 0 = the greedy continuation of BOS (N greedy steps),
     * series 1 = the same N tokens teacher-forced (N decodes without the argmax), each from an empty KV cache.
     */
    private Samples decodeRound(Path path, DecodeBenchSettings s) {
        int n = s.tokens();
        ContextOptions o = new ContextOptions(s.threads(), n, 1, 512, s.flashAttention(), s.kvType());
        try (LlamaModel m = LlamaModel.load(path); LlamaSession session = m.newSession(o)) {
            DecodeStep step = new DecodeStep(session);
            int[] seq = new int[n + 1];
            return new RepetitionTimer(clock, new Repetitions(s.warmup(), s.reps())).run(2, r -> {
                session.clear();
                seq[0] = m.bos();
                r.time(0, () -> step.greedy(seq[0], 0, n, seq, 1));
                session.clear();
                r.time(1, () -> step.force(seq, 0, n));
            });
        }
    }

    /** Batch of K (logits on every row) vs one token and vs K sequential single-token decodes, after a prefix. */
    private BatchCostTable batchCost(String name, Path path, DecodeBenchSettings s) {
        int maxK = s.maxK();
        ContextOptions o = new ContextOptions(s.threads(), 256, 1, 64, s.flashAttention(), s.kvType());
        try (LlamaModel m = LlamaModel.load(path); LlamaSession session = m.newSession(o)) {
            int[] prefix = m.tokenize(BATCH_PREFIX, true);
            int p0 = prefix.length;
            // the K tokens to verify: the model's own greedy continuation of the prefix
            int[] seq = Arrays.copyOf(prefix, p0 + maxK);
            DecodeStep step = new DecodeStep(session);
            seq[p0] = session.argmax(step.prefill(seq, 0, p0, DecodeStep.Logits.LAST));
            step.greedy(seq[p0], p0, maxK - 1, seq, p0 + 1);
            RepetitionTimer timer = new RepetitionTimer(clock, new Repetitions(s.warmup(), s.batchReps()));
            List<BatchCost> rows = new ArrayList<>();
            double oneToken = 0;
            for (int k = 1; k <= maxK; k++) {
                int end = p0 + k;
                Samples t = timer.run(2, r -> {
                    session.truncate(0, p0);
                    r.time(0, () -> step.prefill(seq, p0, end, DecodeStep.Logits.ALL));
                    session.truncate(0, p0);
                    r.time(1, () -> step.force(seq, p0, end - p0));
                });
                double batch = Median.of(t.millis(0));
                double sequential = Median.of(t.millis(1));
                if (k == 1) {
                    oneToken = batch;
                }
                rows.add(new BatchCost(k, batch, sequential, batch / oneToken, sequential / batch));
            }
            return new BatchCostTable(name, p0, s.threads(), s.flashAttention(), s.kvType(), s.batchReps(),
                    s.warmup(), rows);
        }
    }
}
