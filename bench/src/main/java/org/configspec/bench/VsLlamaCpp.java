package org.configspec.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.stats.Median;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.engine.TokenBatch;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.PromptSource;
import org.configspec.profile.draft.BatchCost;
import org.configspec.profile.draft.BatchCostTable;
import org.configspec.profile.draft.DecodeBench;
import org.configspec.profile.draft.DecodeBenchSettings;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;

/**
 * ConfigSpec against llama.cpp's own tools, side by side in one run, same GGUFs, threads and prompt, medians over
 * interleaved repetitions (ours, then theirs, in every repetition). What {@code scripts/bench-vs-llamacpp} runs, once
 * per library (the parts that compare with the same build on the native library, the others on the default one).
 * <ol>
 *   <li>{@code decode}: greedy decode tok/s through ConfigSpec ({@link WarmDecode}: empty cache, N single-token
 *       steps, decode + argmax, on a model loaded once) vs llama-bench {@code tg N}; goal ≥ 0.95 on every model;</li>
 *   <li>{@code draft}: drafting inside real {@code run} rounds (Σ K / Σ drafting seconds from its rounds CSV, the first
 *       round, which prefills the prompt, left out) vs the same draft's greedy decode speed ({@link WarmDecode}, same
 *       threads); goal ≥ 0.9; and, a line of its own, vs llama-speculative's drafting inside its own rounds (its
 *       decode phase less the target's batches and sampling, from its own timings): what llama.cpp itself reaches with
 *       a target that evicts the draft from the cache between rounds;</li>
 *   <li>{@code batch}: verifying K = 1..16 tokens in one batch vs K single steps, with the verifier's settings (flash
 *       attention off, F32 KV cache: {@link ContextOptions#exact()}); goal ≥ 2.5 at K = 8 on the target;</li>
 *   <li>{@code verifier}: verified positions/s of an in-process verifier under 16 concurrent synthetic clients
 *       verifying K tokens each (K + 1 positions per round) vs llama-batched-bench's S_PP for 16 sequences × (K + 1)
 *       tokens; also the same batch through our binding with logits on every row and on the last row only (llama.cpp's
 *       shape), which splits the gap into the verification's extra output rows and the server's own cost; sessions
 *       are created before the clock starts; two verifiers, one with serve's default max wait (5 ms) and one with
 *       {@code maxWaitMs=} (10 ms: long enough on this 2-core machine for the 16 clients' next requests to meet in one
 *       batch, which 5 ms is not), interleaved; each client commits {@code clientTokens=} (160: 32 rounds, so that the
 *       clock sees the steady state llama-batched-bench measures rather than the ramp of each load), and the second
 *       once more with every verify at its prompt's end (contexts as short as llama-batched-bench's); goal ≥ 0.7 on
 *       the second;</li>
 *   <li>{@code e2e}: goodput of real {@code configspec serve} and {@code configspec run} processes (greedy, fixed K,
 *       n tokens) on loopback vs llama-speculative's decode speed with the same target, draft, K, threads, prompt;
 *       goal ≥ 0.9 at RTT 0 on the decode phase (llama-speculative's speed leaves out its prompt encoding, so ours
 *       leaves out round 1, which holds the session creation and both prompt prefills; the whole-run ratio is printed
 *       too); at the other RTTs (through the link emulator) ours alone. llama-speculative runs twice per repetition:
 *       with its defaults (the goal line), and with serve's verification settings for the target (flash attention
 *       off, F32 KV cache: batched logits that match sequential decoding, which llama-speculative does not need), a
 *       line of its own. Every run is repeated with {@code run --pipeline} (the next round drafted while the verify is
 *       in flight), a goal line of its own: an algorithm llama-speculative does not have, so the plain line is the
 *       like-for-like one.</li>
 * </ol>
 * <p>Usage: {@code VsLlamaCpp [key=value ...]}: {@code parts=decode,draft,batch,verifier,e2e}, {@code reps=5},
 * {@code threads=1}, {@code n=128}, {@code k=4}, {@code target=stories15M-f32}, {@code draft=stories15M-q8_0},
 * {@code models=stories15M-f32,stories15M-q8_0} (decode part), {@code clients=16}, {@code rtt=0,20,100},
 * {@code bin=.cache/llama-native/build/bin}, {@code jar=cli/target/configspec.jar}, {@code label=} (appended to
 * the goal names in brackets, e.g. the library). Ends with one line per goal:
 * {@code goal <name> ratio <value> target <value> met|missed}.
 */
public final class VsLlamaCpp {
    private static final String PROMPT = "Once upon a time";
    private static final Pattern GOODPUT = Pattern.compile("goodput ([0-9.]+) tok/s");
    private static final Pattern ROUND_TRIP = Pattern.compile("mean round trip ([0-9.]+) ms");

    private final Map<String, String> args;
    private final int reps;
    private final int threads;
    private final int n;
    private final int k;
    private final ModelStore store = ModelStore.defaultStore();
    private final NativeTools tools;
    private final List<String> goals = new ArrayList<>();

    private VsLlamaCpp(Map<String, String> args) {
        this.args = args;
        this.reps = BenchArgs.integer(args, "reps", 5);
        this.threads = BenchArgs.integer(args, "threads", 1);
        this.n = BenchArgs.integer(args, "n", 128);
        this.k = BenchArgs.integer(args, "k", 4);
        this.tools = new NativeTools(Path.of(args.getOrDefault("bin", ".cache/llama-native/build/bin"))
                .toAbsolutePath());
    }

    public static void main(String[] argv) throws Exception {
        VsLlamaCpp b;
        try {
            b = new VsLlamaCpp(BenchArgs.parse(argv));
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("bench-vs-llamacpp: " + e.getMessage());
            System.exit(2);
            return;
        }
        b.run();
    }

    private void run() throws Exception {
        String parts = args.getOrDefault("parts", "decode,draft,batch,verifier,e2e");
        System.out.printf(Locale.ROOT, "library: %s; llama.cpp tools: %s; %d thread(s), %d processors, %d interleaved"
                        + " repetitions, medians%n", LlamaRuntime.get().describe(), tools.bin(), threads,
                Runtime.getRuntime().availableProcessors(), reps);
        if (parts.contains("decode")) {
            decode();
        }
        if (parts.contains("batch")) {
            batch();
        }
        if (parts.contains("verifier")) {
            verifier();
        }
        if (parts.contains("e2e") || parts.contains("draft")) {
            endToEnd(parts.contains("e2e"), parts.contains("draft"));
        }
        System.out.println();
        goals.forEach(System.out::println);
    }

    private void goal(String name, double ratio, double target) {
        String label = args.getOrDefault("label", "");
        goals.add(String.format(Locale.ROOT, "goal %s%s ratio %.2f target %.2f %s", name,
                label.isEmpty() ? "" : "[" + label + "]", ratio, target,
                ratio >= target ? "met" : "missed"));
    }

    private Path model(String name) {
        return store.resolve(name);
    }

    private DecodeBenchSettings decodeSettings(List<String> models, List<String> batchModels, int decodeReps,
                                               ContextOptions.FlashAttention fa, ContextOptions.KvCacheType kv) {
        return new DecodeBenchSettings(models, batchModels, n, decodeReps, 1, threads, 1, 16, fa, kv, null);
    }

    // ---- 1: decode tok/s vs llama-bench tg ----

    private void decode() {
        List<String> models = List.of(args.getOrDefault("models", "stories15M-f32,stories15M-q8_0").split(","));
        System.out.printf(Locale.ROOT, "%n(1) greedy decode, tg %d from an empty cache, flash attention auto, F16 KV;"
                + " per repetition one ConfigSpec run on a model loaded once and warmed up, then llama-bench -r 1%n", n);
        System.out.printf(Locale.ROOT, "%-22s %14s %14s %14s %8s%n", "model", "ConfigSpec", "(decode only)",
                "llama-bench", "ratio");
        double worst = Double.MAX_VALUE;
        for (String m : models) {
            double[] ours = new double[reps];
            double[] oursDecode = new double[reps];
            double[] theirs = new double[reps];
            try (WarmDecode d = new WarmDecode(model(m), threads, n)) {
                for (int r = 0; r < reps; r++) {
                    ours[r] = d.greedy();
                    oursDecode[r] = d.forced();
                    theirs[r] = tools.benchTg(model(m), threads, n);
                }
            }
            double ratio = Median.of(ours) / Median.of(theirs);
            worst = Math.min(worst, ratio);
            System.out.printf(Locale.ROOT, "%-22s %10.1f t/s %10.1f t/s %10.1f t/s %7.2fx%n", m, Median.of(ours),
                    Median.of(oursDecode), Median.of(theirs), ratio);
        }
        goal("decode-vs-llama-bench", worst, 0.95);
    }

    // ---- 3: batch of K vs K single steps ----

    private void batch() {
        String target = args.getOrDefault("target", "stories15M-f32");
        String draft = args.getOrDefault("draft", "stories15M-q8_0");
        System.out.printf(Locale.ROOT, "%n(3) verify K tokens in one batch (logits on every row) vs K single steps,"
                + " after '%s'; the verifier's settings (flash attention off, F32 KV cache); medians%n", PROMPT);
        double atEight = Double.NaN;
        for (String m : List.of(target, draft)) {
            BatchCostTable t = DecodeBench.withDefaults().run(decodeSettings(List.of(m), List.of(m), reps,
                    ContextOptions.FlashAttention.OFF, ContextOptions.KvCacheType.F32), null).batchCosts().get(0);
            System.out.printf(Locale.ROOT, "%s:%n  %3s %12s %14s %12s%n", m, "K", "batch ms", "K singles ms",
                    "singles/batch");
            for (BatchCost c : t.rows()) {
                System.out.printf(Locale.ROOT, "  %3d %12.2f %14.2f %11.2fx%n", c.k(), c.batchMs(), c.sequentialMs(),
                        c.sequentialOverBatch());
                if (m.equals(target) && c.k() == 8) {
                    atEight = c.sequentialOverBatch();
                }
            }
        }
        goal("batch-verify-k8", atEight, 2.5);
    }

    // ---- 4: verifier throughput vs llama-batched-bench ----

    private void verifier() throws Exception {
        String target = args.getOrDefault("target", "stories15M-f32");
        int clients = BenchArgs.integer(args, "clients", 16);
        int tokens = BenchArgs.integer(args, "clientTokens", 160);
        int shape = k + 1;
        int servesWait = (int) VerifierConfig.defaults().maxWait().toMillis();
        int tunedWait = BenchArgs.integer(args, "maxWaitMs", 10);
        int[] waits = {servesWait, tunedWait};
        System.out.printf(Locale.ROOT, "%n(4) verifier throughput, %d concurrent synthetic clients verifying K = %d"
                + " (%d positions per round, full acceptance), in-process verifier (max batch %d; max wait %d ms, serve's"
                + " default, and %d ms, long enough for the %d clients' next requests to meet in one batch here),"
                + " flash attention off, F32 KV; positions/s%n", clients, k, shape, clients, servesWait, tunedWait,
                clients);
        try (LlamaModel t = LlamaModel.load(model(target))) {
            List<String> texts = PromptSource.builtin().prompts();
            List<int[]> prompts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                prompts.add(t.tokenize(texts.get(i % texts.size()).getBytes(StandardCharsets.UTF_8), true));
            }
            VerifierConfig config = VerifierConfig.defaults().withThreads(threads)
                    .withSessions(Math.max(4, clients), Duration.ofSeconds(60));
            List<int[]> refs = ServeBench.references(config, t, prompts, tokens + k + 1);
            double[][] server = new double[waits.length][reps];
            double[] shortContexts = new double[reps];
            double[] meanBatch = new double[waits.length];
            double[] passesPerBatch = new double[waits.length];
            double[] batchAll = new double[reps];
            double[] batchLast = new double[reps];
            double[] theirs = new double[reps];
            VerifierServer[] servers = new VerifierServer[waits.length];
            try {
                for (int w = 0; w < waits.length; w++) {
                    servers[w] = VerifierServer.start(config.withBatching(clients, Duration.ofMillis(waits[w])), t);
                    servers[w].warmUp(Duration.ofMillis(1500)); // as 'configspec serve' starts
                    ServeBench.load(servers[w], prompts, refs, clients, Math.min(tokens, 8), k); // warm-up
                }
                for (int r = 0; r < reps; r++) {
                    for (int w = 0; w < waits.length; w++) {
                        double passes0 = passes(servers[w]);
                        ServeBench.LoadResult l = ServeBench.load(servers[w], prompts, refs, clients, tokens, k);
                        server[w][r] = l.tokens() / l.seconds();
                        meanBatch[w] += l.meanBatch() / reps;
                        // batches = rounds / mean batch; passes per batch shows the gaps left between slots
                        passesPerBatch[w] += (passes(servers[w]) - passes0) / (l.rounds() / l.meanBatch()) / reps;
                    }
                    // the tuned verifier again, every verify at its prompt's end: contexts as short as the reference's
                    // (what growing contexts cost is then the difference to the line above)
                    ServeBench.LoadResult same = ServeBench.load(servers[1], prompts, refs, clients, tokens, k, true);
                    shortContexts[r] = same.tokens() / same.seconds();
                    double[] raw = rawBatch(t, clients, shape);
                    batchAll[r] = raw[0];
                    batchLast[r] = raw[1];
                    theirs[r] = tools.batchedPp(model(target), threads, shape, clients);
                }
            } finally {
                for (VerifierServer v : servers) {
                    if (v != null) {
                        v.close();
                    }
                }
            }
            double lb = Median.of(theirs);
            System.out.printf(Locale.ROOT, "  %-72s %10.1f%n", "llama-batched-bench S_PP, " + clients + " × " + shape
                    + " tokens, logits on the last of each", lb);
            System.out.printf(Locale.ROOT, "  %-72s %10.1f (%.2fx)%n", "ConfigSpec binding, same batch, logits on the"
                    + " last of each", Median.of(batchLast), Median.of(batchLast) / lb);
            System.out.printf(Locale.ROOT, "  %-72s %10.1f (%.2fx)%n", "ConfigSpec binding, same batch, logits on every"
                    + " row (what verification needs)", Median.of(batchAll), Median.of(batchAll) / lb);
            for (int w = 0; w < waits.length; w++) {
                System.out.printf(Locale.ROOT, "  %-72s %10.1f (%.2fx)%n", String.format(Locale.ROOT, "ConfigSpec"
                        + " verifier over HTTP, max wait %d ms (mean batch %.1f sessions, %.2f passes)", waits[w],
                        meanBatch[w], passesPerBatch[w]),
                        Median.of(server[w]), Median.of(server[w]) / lb);
            }
            System.out.printf(Locale.ROOT, "  %-72s %10.1f (%.2fx)%n", String.format(Locale.ROOT, "ConfigSpec"
                    + " verifier over HTTP, max wait %d ms, every verify at its prompt's end", waits[1]),
                    Median.of(shortContexts), Median.of(shortContexts) / lb);
            goal("verifier-throughput", Median.of(server[1]) / lb, 0.7);
        }
    }

    /** llama.cpp passes the verifier has made so far (its configspec_verifier_passes_total). */
    private static double passes(VerifierServer v) {
        return v.metrics().registry().get("configspec.verifier.passes").functionCounter().count();
    }

    /**
     * One batch of {@code sequences} × {@code tokens} tokens from an empty cache through {@link LlamaSession} with
     * the verifier's settings, timed with logits on every row and on the last row of each sequence; positions/s
     * (median of 5 after 2 untimed).
     */
    private double[] rawBatch(LlamaModel m, int sequences, int tokens) {
        ContextOptions o = ContextOptions.defaults().withThreads(threads).withSequences(sequences)
                .withContextSize(256).withBatchCapacity(sequences * tokens).exact();
        try (LlamaSession s = m.newSession(o)) {
            double[] out = new double[2];
            for (int mode = 0; mode < 2; mode++) {
                TokenBatch b = new TokenBatch(sequences * tokens);
                for (int q = 0; q < sequences; q++) {
                    for (int i = 0; i < tokens; i++) {
                        b.add(1 + (q * 31 + i * 7) % 1000, i, q, mode == 0 || i == tokens - 1);
                    }
                }
                double[] t = new double[5];
                for (int r = -2; r < t.length; r++) {
                    s.clear();
                    long t0 = System.nanoTime();
                    s.decode(b);
                    long t1 = System.nanoTime();
                    if (r >= 0) {
                        t[r] = sequences * tokens / ((t1 - t0) / 1e9);
                    }
                }
                out[mode] = Median.of(t);
            }
            return out;
        }
    }

    // ---- 2 and 5: drafting inside rounds, serve + run vs llama-speculative ----

    private void endToEnd(boolean e2e, boolean draftPart) throws Exception {
        String target = args.getOrDefault("target", "stories15M-f32");
        String draft = args.getOrDefault("draft", "stories15M-q8_0");
        List<Integer> rtts = e2e ? BenchArgs.ints(args.getOrDefault("rtt", "0,20,100")) : List.of(0);
        if (!rtts.contains(0)) {
            throw new IllegalArgumentException("rtt=" + rtts + ": must include 0 (the comparison with llama-speculative)");
        }
        Path jar = Path.of(args.getOrDefault("jar", "cli/target/configspec.jar"));
        System.out.printf(Locale.ROOT, "%n(2, 5) 'configspec serve --model %s -t %d' and 'configspec run --draft %s"
                        + " --k %d -n %d -t %d --prompt \"%s\"' (separate processes, greedy) vs llama-speculative with the"
                        + " same GGUFs, K, threads and prompt (--temp 0, exactly K drafted per round)%n", target, threads,
                draft, k, n, threads, PROMPT);
        double[][] ours = new double[rtts.size()][reps];
        double[][] roundTrip = new double[rtts.size()][reps];
        double[][] oursPipelined = new double[rtts.size()][reps];
        double[] drafting = new double[reps];
        double[] decodePhase = new double[reps];
        double[] decodePhasePipelined = new double[reps];
        double[] profiled = new double[reps];
        double[] spec = new double[reps];
        double[] specDrafting = new double[reps];
        double[] specExact = new double[reps];
        double specAccept = 0;
        double specExactAccept = 0;
        Path log = Files.createTempFile("vs-llamacpp-serve", ".log");
        Path csv = Files.createTempFile("vs-llamacpp-rounds", ".csv");
        try (ServerProcess server = ServerProcess.start(jar, List.of("--model", target, "-t",
                Integer.toString(threads)), log);
             WarmDecode draftAlone = new WarmDecode(model(draft), threads, n)) {
            String url = server.url();
            runClient(jar, url, draft, csv, false); // warm-up of the server
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < rtts.size(); i++) {
                    int rtt = rtts.get(i);
                    String[] res = rtt == 0 ? runClient(jar, url, draft, csv, false)
                            : throughLink(jar, url, draft, csv, rtt, false);
                    ours[i][r] = Double.parseDouble(res[0]);
                    roundTrip[i][r] = Double.parseDouble(res[1]);
                    if (rtt == 0) {
                        RoundsCsv rounds = RoundsCsv.read(csv);
                        drafting[r] = rounds.draftingTokPerS();
                        decodePhase[r] = rounds.decodeGoodput();
                    }
                    if (e2e) {
                        String[] p = rtt == 0 ? runClient(jar, url, draft, csv, true)
                                : throughLink(jar, url, draft, csv, rtt, true);
                        oursPipelined[i][r] = Double.parseDouble(p[0]);
                        if (rtt == 0) {
                            decodePhasePipelined[r] = RoundsCsv.read(csv).decodeGoodput();
                        }
                    }
                }
                if (draftPart) {
                    profiled[r] = draftAlone.greedy();
                }
                NativeTools.Speculative s = tools.speculative(model(target), model(draft), PROMPT, n, k, threads);
                spec[r] = s.tokPerS();
                specDrafting[r] = s.draftingTokPerS();
                specAccept += s.acceptPercent() / reps;
                if (e2e) {
                    NativeTools.Speculative x = tools.speculative(model(target), model(draft), PROMPT, n, k, threads,
                            SAME_NUMERICS);
                    specExact[r] = x.tokPerS();
                    specExactAccept += x.acceptPercent() / reps;
                }
            }
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(csv);
        }
        if (draftPart) {
            System.out.printf(Locale.ROOT, "  drafting inside run rounds (RTT 0, round 1 left out): %.1f tok/s;"
                    + " the draft's greedy decode alone (tg %d, same threads): %.1f tok/s (%.2fx)%n", Median.of(drafting),
                    n, Median.of(profiled), Median.of(drafting) / Median.of(profiled));
            goal("drafting-in-rounds", Median.of(drafting) / Median.of(profiled), 0.9);
            System.out.printf(Locale.ROOT, "  llama-speculative's own drafting inside its rounds (its decode phase less"
                    + " the target's batches and sampling, both models in one process): %.1f tok/s, %.2fx of the same"
                    + " draft alone; ours against it: %.2fx%n", Median.of(specDrafting),
                    Median.of(specDrafting) / Median.of(profiled), Median.of(drafting) / Median.of(specDrafting));
            goal("drafting-in-rounds-vs-llama-speculative", Median.of(drafting) / Median.of(specDrafting), 0.9);
        }
        if (e2e) {
            double theirs = Median.of(spec);
            double phase = Median.of(decodePhase);
            for (int i = 0; i < rtts.size(); i++) {
                System.out.printf(Locale.ROOT, "  RTT %3d ms: ConfigSpec run goodput %.1f tok/s (mean round trip %.1f ms);"
                        + " with --pipeline %.1f tok/s%n", rtts.get(i), Median.of(ours[i]), Median.of(roundTrip[i]),
                        Median.of(oursPipelined[i]));
            }
            int zero = rtts.indexOf(0);
            System.out.printf(Locale.ROOT, "  RTT   0 ms, decode phase (round 1, with session creation and both prompt"
                    + " prefills, left out, as llama-speculative times itself): ConfigSpec %.1f tok/s; llama-speculative"
                    + " %.1f tok/s (accept %.1f%%): %.2fx (whole run: %.2fx)%n", phase, theirs, specAccept,
                    phase / theirs, Median.of(ours[zero]) / theirs);
            goal("end-to-end-rtt0", phase / theirs, 0.9);
            double exact = Median.of(specExact);
            System.out.printf(Locale.ROOT, "  RTT   0 ms, decode phase, against llama-speculative with serve's numerics"
                    + " for the target (%s: serve verifies so, so that batched logits match sequential decoding; the"
                    + " draft then also without flash attention): %.1f tok/s (accept %.1f%%): %.2fx%n",
                    String.join(" ", SAME_NUMERICS), exact, specExactAccept, phase / exact);
            goal("end-to-end-rtt0-same-numerics", phase / exact, 0.9);
            double piped = Median.of(decodePhasePipelined);
            System.out.printf(Locale.ROOT, "  RTT   0 ms, decode phase, 'run --pipeline' (drafts the next round while the"
                    + " verify is in flight; llama-speculative drafts and verifies in turn): %.1f tok/s: %.2fx (whole run:"
                    + " %.2fx)%n", piped, piped / theirs, Median.of(oursPipelined[zero]) / theirs);
            goal("end-to-end-rtt0-pipelined", piped / theirs, 0.9);
        }
    }

    /** llama-speculative's flags for serve's verification settings ({@code ContextOptions.exact()}). */
    private static final List<String> SAME_NUMERICS = List.of("-fa", "off", "-ctk", "f32", "-ctv", "f32");

    private String[] throughLink(Path jar, String url, String draft, Path csv, int rtt, boolean pipeline)
            throws Exception {
        java.net.URI u = java.net.URI.create(url);
        LinkSpec spec = LinkSpec.symmetric(new HostPort("127.0.0.1", 0), new HostPort(u.getHost(), u.getPort()),
                DirectionSpec.IDEAL.withDelay(Duration.ofNanos(rtt * 500_000L)), 1);
        try (Link link = LinkEmulator.start(spec)) {
            return runClient(jar, "http://127.0.0.1:" + link.localPort(), draft, csv, pipeline);
        }
    }

    /** One {@code configspec run} process; its goodput and mean round trip from the summary line. */
    private String[] runClient(Path jar, String url, String draft, Path csv, boolean pipeline) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "run", "--draft", draft, "--verifier", url, "--k", Integer.toString(k), "-n",
                Integer.toString(n), "-t", Integer.toString(threads), "--prompt", PROMPT, "--rounds-csv",
                csv.toString()));
        if (pipeline) {
            cmd.add("--pipeline");
        }
        String out = NativeTools.run(cmd, null);
        Matcher g = GOODPUT.matcher(out);
        Matcher rt = ROUND_TRIP.matcher(out);
        if (!g.find() || !rt.find()) {
            throw new IllegalStateException("configspec run printed no goodput: " + NativeTools.tail(out));
        }
        return new String[] {g.group(1), rt.group(1)};
    }
}
