package org.configspec.cli.gen;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.model.DefaultModel;
import org.configspec.profile.draft.BatchCost;
import org.configspec.profile.draft.BatchCostTable;
import org.configspec.profile.draft.DecodeBench;
import org.configspec.profile.draft.DecodeBenchSettings;
import org.configspec.profile.draft.DecodeSpeed;
import org.configspec.core.stats.Measured;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec bench decode}: parses the options, runs {@link DecodeBench} (decode tok/s per model next to
 * llama-bench, batch-of-K cost ratios) and prints its results as they come.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode tok/s per model (vs llama-bench when built) and batch-of-K cost ratios.")
public final class BenchDecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--models", split = ",", description = "models to measure (default: the six default models)")
    List<String> models;

    @Option(names = "--batch-models", split = ",", defaultValue = "stories15M-f32,stories15M-q8_0",
            description = "models for the batch-cost table")
    List<String> batchModels;

    @Option(names = "-n", defaultValue = "32", description = "tokens per repetition, 1..4096")
    int tokens;

    @Option(names = {"-r", "--reps"}, defaultValue = "5", description = "repetitions, 1..1000")
    int reps;

    @Option(names = "--warmup", defaultValue = "1", description = "warm-up repetitions, 0..100")
    int warmup;

    @Option(names = {"-t", "--threads"}, description = "CPU threads, 1..256 (default: available processors, at most 4)")
    Integer threads;

    @Option(names = "--rounds", defaultValue = "3",
            description = "rounds alternating ConfigSpec and llama-bench, 1..100")
    int rounds;

    @Option(names = "--max-k", defaultValue = "16", description = "largest batch K, 1..64")
    int maxK;

    @Option(names = "--flash-attn", defaultValue = "auto",
            description = "flash attention: auto, on or off (as llama-bench)")
    ContextOptions.FlashAttention flashAttn;

    @Option(names = "--kv-type", defaultValue = "f16",
            description = "KV-cache type: f16, f32 or q8_0 (as llama-bench)")
    ContextOptions.KvCacheType kvType;

    @Option(names = "--llama-bench", description = "llama-bench executable, or 'none' (default: "
            + ".cache/llama-native/build/bin/llama-bench when built by scripts/build-llama-native)")
    String llamaBench;

    @Override
    public Integer call() {
        DecodeBenchSettings s = new DecodeBenchSettings(models == null || models.isEmpty() ? defaultNames() : models,
                batchModels, tokens, reps, warmup, threads == null ? ContextOptions.defaultThreads() : threads, rounds,
                maxK, flashAttn, kvType, DecodeBench.llamaBench(llamaBench));
        PrintWriter out = spec.commandLine().getOut();
        DecodeBench.withDefaults().run(s, new Printer(out));
        return 0;
    }

    private static List<String> defaultNames() {
        List<String> l = new ArrayList<>();
        for (DefaultModel m : DefaultModel.values()) {
            l.add(m.modelName);
        }
        return l;
    }

    /** Prints each result as the benchmark delivers it. */
    private record Printer(PrintWriter out) implements DecodeBench.Listener {
        @Override
        public void started(String runtime, DecodeBenchSettings s) {
            out.println("# ConfigSpec library: " + runtime);
            out.println("# llama-bench: " + (s.llamaBench() == null ? "not available (run scripts/build-llama-native)"
                    : s.llamaBench()));
            out.printf(Locale.ROOT, "# decode: %d single-token decodes from an empty KV cache (context %d), %d threads;"
                    + " %d rounds alternating ConfigSpec (%d warm-up + %d repetitions) and llama-bench (-r %d)%n",
                    s.tokens(), s.tokens(), s.threads(), s.rounds(), s.warmup(), s.reps(), s.reps());
            out.println("# DECODE = llama_decode only, as llama-bench tg (next token fed from a precomputed greedy "
                    + "sequence); GREEDY = decode + argmax over the logits in Java; tok/s median [min..max] over all "
                    + "repetitions; llama-bench: median over rounds of its mean ± its stddev");
            out.printf("%-20s %-30s %-30s %-24s %s%n", "MODEL", "CONFIGSPEC_DECODE_TOK_S", "CONFIGSPEC_GREEDY_TOK_S",
                    "LLAMA_BENCH_TOK_S", "RATIO_DECODE");
            out.flush();
        }

        @Override
        public void speed(DecodeSpeed d) {
            String lb = switch (d.llamaBench().status()) {
                case NOT_AVAILABLE -> "-";
                case FAILED -> "failed";
                case MEASURED -> String.format(Locale.ROOT, "%.1f ± %.1f", d.llamaBench().meanTokPerS(),
                        d.llamaBench().stddevTokPerS());
            };
            String ratio = d.llamaBench().measured() ? String.format(Locale.ROOT, "%.2f", d.ratio()) : "-";
            out.printf(Locale.ROOT, "%-20s %-30s %-30s %-24s %s%n", d.model(), fmt(d.decode()), fmt(d.greedy()), lb,
                    ratio);
            out.flush();
        }

        @Override
        public void batchCosts(BatchCostTable t) {
            out.printf(Locale.ROOT, "# batch cost on %s after a %d-token prefix, %d threads, flash attention %s, KV %s,"
                    + " medians of %d (+%d warm-up): batch of K with logits on every row vs one token and vs K"
                    + " sequential single-token decodes%n", t.model(), t.prefixTokens(), t.threads(), t.flashAttention(),
                    t.kvType(), t.reps(), t.warmup());
            out.printf("%-4s %-12s %-14s %-16s %s%n", "K", "BATCH_MS", "SEQUENTIAL_MS", "BATCH/ONE_TOKEN",
                    "SEQUENTIAL/BATCH");
            for (BatchCost c : t.rows()) {
                out.printf(Locale.ROOT, "%-4d %-12.3f %-14.3f %-16.2f %.2f%n", c.k(), c.batchMs(), c.sequentialMs(),
                        c.batchOverOneToken(), c.sequentialOverBatch());
            }
            out.flush();
        }

        private static String fmt(Measured s) {
            return String.format(Locale.ROOT, "%.1f [%.1f..%.1f] (n=%d)", s.value(), s.min(), s.max(), s.n());
        }
    }
}
