package org.configspec.cli.gen;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.cli.models.LlmCommands;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec bench decode}: (1) single-token decode speed through ConfigSpec for each model, measured the way
 * llama-bench's {@code tg} test does (empty KV cache, N single-token decodes, context N), median and range over
 * repetitions after warm-up, next to llama-bench's own figure for the same GGUF and threads when a native build is
 * present; (2) the cost of decoding a batch of K = 1..max-k tokens (logits for every row) relative to one token and to
 * K sequential single-token steps.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode tok/s per model (vs llama-bench when built) and batch-of-K cost ratios.")
public final class BenchDecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--models", split = ",", description = "models to measure (default: the six default models)")
    List<String> models;

    @Option(names = "--batch-models", split = ",", defaultValue = "stories15M-f32,stories15M-q8_0",
            description = "models for the batch-cost table (default: ${DEFAULT-VALUE})")
    List<String> batchModels;

    @Option(names = "-n", defaultValue = "32", description = "tokens per repetition, 1..4096 (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = {"-r", "--reps"}, defaultValue = "5", description = "repetitions, 1..1000 (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--warmup", defaultValue = "1", description = "warm-up repetitions, 0..100 (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = {"-t", "--threads"}, description = "CPU threads, 1..256 (default: available processors, at most 4)")
    Integer threads;

    @Option(names = "--rounds", defaultValue = "3",
            description = "rounds alternating ConfigSpec and llama-bench, 1..100 (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--max-k", defaultValue = "16", description = "largest batch K, 1..64 (default: ${DEFAULT-VALUE})")
    int maxK;

    @Option(names = "--flash-attn", defaultValue = "auto",
            description = "flash attention: auto, on or off (default: ${DEFAULT-VALUE}, as llama-bench)")
    String flashAttn;

    @Option(names = "--kv-type", defaultValue = "f16",
            description = "KV-cache type: f16, f32 or q8_0 (default: ${DEFAULT-VALUE}, as llama-bench)")
    String kvType;

    @Option(names = "--llama-bench", description = "llama-bench executable, or 'none' (default: "
            + ".cache/llama-native/build/bin/llama-bench when built by scripts/build-llama-native)")
    String llamaBench;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            check("-n", tokens, 1, 4096);
            check("--reps", reps, 1, 1000);
            check("--warmup", warmup, 0, 100);
            check("--max-k", maxK, 1, 64);
            check("--rounds", rounds, 1, 100);
            fa = parseEnum(ContextOptions.FlashAttention.class, "--flash-attn", flashAttn);
            kv = parseEnum(ContextOptions.KvCacheType.class, "--kv-type", kvType);
            int t = threads == null ? ContextOptions.defaultThreads() : threads;
            check("--threads", t, 1, 256);
            List<String> names = models == null || models.isEmpty() ? defaultNames() : models;
            ModelStore store = ModelStore.defaultStore();
            List<Path> paths = new ArrayList<>();
            for (String n : names) {
                paths.add(store.resolve(n));
            }
            Path lb = llamaBenchPath();
            PrintWriter out = spec.commandLine().getOut();
            out.println("# ConfigSpec library: " + LlamaRuntime.get().describe());
            out.println("# llama-bench: " + (lb == null ? "not available (run scripts/build-llama-native)" : lb));
            out.printf(Locale.ROOT, "# decode: %d single-token decodes from an empty KV cache (context %d), %d threads;"
                    + " %d rounds alternating ConfigSpec (%d warm-up + %d repetitions) and llama-bench (-r %d)%n",
                    tokens, tokens, t, rounds, warmup, reps, reps);
            out.println("# DECODE = llama_decode only, as llama-bench tg (next token fed from a precomputed greedy "
                    + "sequence); GREEDY = decode + argmax over the logits in Java; tok/s median [min..max] over all "
                    + "repetitions; llama-bench: median over rounds of its mean ± its stddev");
            out.printf("%-20s %-30s %-30s %-24s %s%n", "MODEL", "CONFIGSPEC_DECODE_TOK_S", "CONFIGSPEC_GREEDY_TOK_S",
                    "LLAMA_BENCH_TOK_S", "RATIO_DECODE");
            out.flush();
            for (int i = 0; i < names.size(); i++) {
                double[] dec = new double[rounds * reps];
                double[] gre = new double[rounds * reps];
                double[] lbMean = new double[rounds];
                double[] lbSd = new double[rounds];
                boolean lbOk = lb != null;
                for (int r = 0; r < rounds; r++) {
                    double[][] s = decodeSpeed(paths.get(i), t);
                    System.arraycopy(s[0], 0, dec, r * reps, reps);
                    System.arraycopy(s[1], 0, gre, r * reps, reps);
                    if (lbOk) {
                        double[] x = runLlamaBench(lb, paths.get(i), t);
                        if (x == null) {
                            lbOk = false;
                        } else {
                            lbMean[r] = x[0];
                            lbSd[r] = x[1];
                        }
                    }
                }
                Stats d = Stats.of(dec);
                Stats g = Stats.of(gre);
                String lbText = lb == null ? "-" : "failed";
                String ratio = "-";
                if (lbOk) {
                    Stats m = Stats.of(lbMean);
                    lbText = String.format(Locale.ROOT, "%.1f ± %.1f", m.median(), Stats.of(lbSd).median());
                    ratio = String.format(Locale.ROOT, "%.2f", d.median() / m.median());
                }
                out.printf(Locale.ROOT, "%-20s %-30s %-30s %-24s %s%n", names.get(i), fmt(d), fmt(g), lbText, ratio);
                out.flush();
            }
            for (String bm : batchModels) {
                batchCost(out, bm, store.resolve(bm), t);
            }
            return 0;
        });
    }

    private ContextOptions.FlashAttention fa;
    private ContextOptions.KvCacheType kv;

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw LlmCommands.badValue(option, value, allowed.toString());
    }

    private ContextOptions options(int t, int context, int batch) {
        return new ContextOptions(t, context, 1, batch, fa, kv);
    }

    private static void check(String option, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw LlmCommands.badValue(option, v, lo + ".." + hi);
        }
    }

    private static List<String> defaultNames() {
        List<String> l = new ArrayList<>();
        for (DefaultModel m : DefaultModel.values()) {
            l.add(m.modelName);
        }
        return l;
    }

    private Path llamaBenchPath() {
        if (llamaBench != null) {
            if (llamaBench.equalsIgnoreCase("none")) {
                return null;
            }
            Path p = Path.of(llamaBench);
            if (!Files.isExecutable(p)) {
                throw LlmCommands.badValue("--llama-bench", llamaBench, "an executable llama-bench or 'none'");
            }
            return p;
        }
        Path p = ConfigSpecHome.cacheDir().resolve("llama-native/build/bin/llama-bench");
        return Files.isExecutable(p) ? p : null;
    }

    private static String fmt(Stats s) {
        return String.format(Locale.ROOT, "%.1f [%.1f..%.1f] (n=%d)", s.median(), s.min(), s.max(), s.n());
    }

    /**
     * Like llama-bench tg: empty KV cache, N single-token decodes, context N. Returns tok/s per repetition for
     * decode only (tokens fed from a precomputed greedy sequence) and for greedy decoding (argmax in Java).
     */
    private double[][] decodeSpeed(Path path, int t) {
        ContextOptions o = options(t, tokens, 512);
        try (LlamaModel m = LlamaModel.load(path); LlamaSession s = m.newSession(o)) {
            double[] dec = new double[reps];
            double[] gre = new double[reps];
            int[] seq = new int[tokens + 1];
            TokenBatch b = new TokenBatch(1);
            for (int r = -warmup; r < reps; r++) {
                // greedy: decode + argmax; records the sequence fed in the decode-only pass
                s.clear();
                seq[0] = m.bos();
                long t0 = System.nanoTime();
                for (int i = 0; i < tokens; i++) {
                    b.clear();
                    b.add(seq[i], i, 0, true);
                    s.decode(b);
                    seq[i + 1] = s.argmax(0);
                }
                long greedy = System.nanoTime() - t0;
                s.clear();
                t0 = System.nanoTime();
                for (int i = 0; i < tokens; i++) {
                    b.clear();
                    b.add(seq[i], i, 0, true);
                    s.decode(b);
                }
                long decode = System.nanoTime() - t0;
                if (r >= 0) {
                    dec[r] = tokens / (decode / 1e9);
                    gre[r] = tokens / (greedy / 1e9);
                }
            }
            return new double[][] {dec, gre};
        }
    }

    private static final Pattern AVG = Pattern.compile("\"avg_ts\"\\s*:\\s*([0-9.eE+-]+)");
    private static final Pattern SD = Pattern.compile("\"stddev_ts\"\\s*:\\s*([0-9.eE+-]+)");

    /** {avg tok/s, stddev} from llama-bench's JSON, or null when it fails. */
    private double[] runLlamaBench(Path exe, Path model, int t) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString(), "-m", model.toString(), "-t", Integer.toString(t), "-p", "0",
                "-n", Integer.toString(tokens), "-r", Integer.toString(reps), "-fa", fa == ContextOptions.FlashAttention.AUTO
                ? "auto" : fa == ContextOptions.FlashAttention.ON ? "on" : "off", "-ctk", kv.name().toLowerCase(Locale.ROOT),
                "-ctv", kv.name().toLowerCase(Locale.ROOT), "-o", "json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            return null;
        }
        Matcher a = AVG.matcher(json);
        Matcher s = SD.matcher(json);
        return a.find() && s.find() ? new double[] {Double.parseDouble(a.group(1)), Double.parseDouble(s.group(1))}
                : null;
    }

    /** Batch of K (logits on every row) vs one token and vs K sequential single-token decodes, after a prefix. */
    private void batchCost(PrintWriter out, String name, Path path, int t) {
        int repsK = Math.max(5, reps * 4);
        ContextOptions o = options(t, 256, 64);
        try (LlamaModel m = LlamaModel.load(path); LlamaSession s = m.newSession(o)) {
            int[] prefix = m.tokenize("Once upon a time", true);
            int p0 = prefix.length;
            // K tokens to verify: the model's own greedy continuation
            s.decode(TokenBatch.of(prefix, 0, 0, false));
            int[] cont = new int[maxK];
            cont[0] = s.argmax(prefix.length - 1);
            TokenBatch one = new TokenBatch(1);
            for (int i = 1; i < maxK; i++) {
                one.clear();
                one.add(cont[i - 1], p0 + i - 1, 0, true);
                s.decode(one);
                cont[i] = s.argmax(0);
            }
            out.printf(Locale.ROOT, "# batch cost on %s after a %d-token prefix, %d threads, flash attention %s, KV %s,"
                    + " medians of %d (+%d warm-up): batch of K with logits on every row vs one token and vs K"
                    + " sequential single-token decodes%n", name, p0, t, fa, kv, repsK, warmup);
            out.printf("%-4s %-12s %-14s %-16s %s%n", "K", "BATCH_MS", "SEQUENTIAL_MS", "BATCH/ONE_TOKEN",
                    "SEQUENTIAL/BATCH");
            double one1 = 0;
            for (int k = 1; k <= maxK; k++) {
                int[] toks = java.util.Arrays.copyOf(cont, k);
                double[] tb = new double[repsK];
                double[] ts = new double[repsK];
                for (int r = -warmup; r < repsK; r++) {
                    s.truncate(0, p0);
                    long a = System.nanoTime();
                    s.decode(TokenBatch.of(toks, p0, 0, true));
                    long bt = System.nanoTime() - a;
                    s.truncate(0, p0);
                    a = System.nanoTime();
                    for (int i = 0; i < k; i++) {
                        one.clear();
                        one.add(toks[i], p0 + i, 0, true);
                        s.decode(one);
                    }
                    long st = System.nanoTime() - a;
                    if (r >= 0) {
                        tb[r] = bt / 1e6;
                        ts[r] = st / 1e6;
                    }
                }
                Stats b = Stats.of(tb);
                Stats q = Stats.of(ts);
                if (k == 1) {
                    one1 = b.median();
                }
                out.printf(Locale.ROOT, "%-4d %-12.3f %-14.3f %-16.2f %.2f%n", k, b.median(), q.median(),
                        b.median() / one1, q.median() / b.median());
                out.flush();
            }
        }
    }
}
