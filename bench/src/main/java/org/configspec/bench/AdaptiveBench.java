package org.configspec.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.configspec.core.stats.Median;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.PromptSource;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.KPolicy;
import org.configspec.serve.client.PolicyKind;
import org.configspec.serve.link.DelayChange;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;

/**
 * The K policies of the real edge client under a link whose round trip switches mid-run, end to end: the real
 * verifier (VerifierServer on the target, in process), the real link emulator with a scheduled delay change
 * ({@link DelayChange}, what {@code configspec link --then-at T --delay-after D} does) and the real edge client
 * ({@link EdgeClient}, what {@code configspec run} drives) with each policy. Not a timed test: wall-clock numbers on
 * whatever machine runs it.
 * <p>
 * A policy's run: a fresh link (RTT {@code rtt1} ms, switching to {@code rtt2} ms {@code phase} seconds after it
 * starts), then one client generating {@code n} tokens per prompt, prompt after prompt (the built-in prompts in
 * turn), with ONE policy object for the whole run — a device keeps what it learned from request to request — until
 * 2 × {@code phase} seconds have passed (the last generation finishes, so a run lasts E ≥ 2 × phase seconds).
 * Goodput = committed tokens / E; the tokens are also counted per phase as they are committed (before and after the
 * switch), giving each policy's goodput G1 in the first phase and G2 in the second. The oracle is the best fixed K of
 * each phase, from the fixed-K runs of the same repetition: its goodput over a run of E seconds is
 * (phase · max_K G1(K) + (E − phase) · max_K G2(K)) / E. Measuring the phases inside the switching runs (rather than on
 * separate steady links) keeps the oracle and the policies under the same machine load. Regret = (oracle − G) /
 * oracle; also against the best single fixed K (overall goodput) of the repetition, and (column 'equal') against
 * the best fixed K on the two phases' goodputs weighted equally, (G1 + G2) / 2: a run ends with its last generation,
 * so runs spend different times on the second, slower link and the overall goodput favours the runs that overran
 * least. Repetitions are interleaved
 * (every policy once per repetition, in the same order) and each figure is the median over repetitions.
 * <p>
 * Usage: {@code AdaptiveBench [key=value ...]} with keys {@code draft=stories15M-q8_0-l5}, {@code
 * target=stories15M-f32}, {@code rtt1=20}, {@code rtt2=100} (ms), {@code phase=30} (s), {@code n=160} (tokens per
 * generation; the default models' context is 256), {@code ks=1,2,3,4,6,8} (the fixed Ks), {@code maxK=8} (the
 * adaptive policies' range), {@code reps=2}, {@code threads=1} (llama threads of verifier and draft), {@code pin=1|0}
 * (the verifier's decoding on its own CPU(s), the client, link and servers on the others; default: pinned when the
 * machine has a CPU more than the verifier's threads), {@code slowdown=1} (drafting as on a device this many times
 * slower: {@code run --draft-slowdown}).
 */
public final class AdaptiveBench {
    private AdaptiveBench() {
    }

    /** One policy's run: tokens and wall seconds, tokens committed before the switch, mean K. */
    private record Run(long tokens, double seconds, long tokensBefore, double switchAt, double meanK) {
        double goodput() {
            return tokens / seconds;
        }

        double before() {
            return tokensBefore / switchAt;
        }

        double after() {
            return (tokens - tokensBefore) / (seconds - switchAt);
        }

        /** The two phases' goodputs weighted equally, as if every run had spent exactly one phase on each link. */
        double equalTime() {
            return (before() + after()) / 2;
        }
    }

    private record Setting(LlamaModel draft, VerifierServer server, List<int[]> prompts, int n, ClientOptions client) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        String draftName = a.getOrDefault("draft", "stories15M-q8_0-l5");
        String target = a.getOrDefault("target", "stories15M-f32");
        int rtt1 = BenchArgs.integer(a, "rtt1", 20);
        int rtt2 = BenchArgs.integer(a, "rtt2", 100);
        double phase = Double.parseDouble(a.getOrDefault("phase", "30"));
        int n = BenchArgs.integer(a, "n", 160);
        List<Integer> ks = BenchArgs.ints(a.getOrDefault("ks", "1,2,3,4,6,8"));
        int maxK = BenchArgs.integer(a, "maxK", 8);
        int reps = BenchArgs.integer(a, "reps", 2);
        int threads = BenchArgs.integer(a, "threads", 1);
        CpuSplit pinning = BenchArgs.pinning(a, threads);
        double slowdown = Double.parseDouble(a.getOrDefault("slowdown", "1"));
        ClientOptions client = ClientOptions.defaults().withThreads(threads).withCpus(CpuSplit.restOf(pinning))
                .withDraftSlowdown(slowdown);
        System.out.printf(Locale.ROOT, "AdaptiveBench: draft %s -> target %s, %d llama thread(s), %d processors, %s;"
                + " link RTT %d ms, %d ms from %.0f s; runs of >= %.0f s (%d tokens per generation, one policy per"
                + " run); median of %d interleaved repetitions%n", draftName, target, threads,
                Runtime.getRuntime().availableProcessors(), CpuSplit.describe(pinning), rtt1, rtt2, phase, 2 * phase, n, reps);
        if (slowdown != 1) {
            System.out.printf(Locale.ROOT, "drafting slowed %.1fx: an emulated edge device (each draft decode lasts %.1f"
                    + " times its time here; tokens unchanged)%n", slowdown, slowdown);
        }
        CpuSplit.callOnRest(pinning, "adaptive-bench", () -> {
            bench(draftName, target, rtt1, rtt2, phase, n, ks, maxK, reps, threads, pinning, client);
            return null;
        });
    }

    private static void bench(String draftName, String target, int rtt1, int rtt2, double phase, int n, List<Integer> ks,
                              int maxK, int reps, int threads, CpuSplit pinning, ClientOptions client)
            throws Exception {
        ModelStore store = ModelStore.defaultStore();
        try (LlamaModel t = LlamaModel.load(store.resolve(target));
             LlamaModel d = LlamaModel.load(store.resolve(draftName));
             VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(threads)
                     .withSessions(4, Duration.ofSeconds(60)).withMaxK(Math.max(maxK, ks.stream().mapToInt(i -> i).max()
                             .orElse(1))).withCpus(CpuSplit.verifierOf(pinning)), t)) {
            List<int[]> prompts = new ArrayList<>();
            for (String p : PromptSource.builtin().prompts()) {
                prompts.add(t.tokenize(p.getBytes(StandardCharsets.UTF_8), true));
            }
            Setting s = new Setting(d, server, prompts, n, client);
            run(s, PolicyKind.FIXED, Math.min(4, maxK), maxK, rtt1, rtt2, 1); // warm-up (JIT, caches), not counted
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            for (int rep = 0; rep < reps; rep++) {
                for (int k : ks) {
                    runs.computeIfAbsent("fixed(K=" + k + ")", x -> new ArrayList<>())
                            .add(run(s, PolicyKind.FIXED, k, k, rtt1, rtt2, phase));
                }
                for (PolicyKind p : PolicyKind.values()) {
                    if (p != PolicyKind.FIXED) {
                        KPolicy probe = p.policy(Math.min(4, maxK), maxK, 1);
                        runs.computeIfAbsent(probe.name(), x -> new ArrayList<>())
                                .add(run(s, p, Math.min(4, maxK), maxK, rtt1, rtt2, phase));
                    }
                }
                System.out.printf(Locale.ROOT, "repetition %d of %d done%n", rep + 1, reps);
            }
            report(runs, reps, rtt1, rtt2, phase);
        }
    }

    /** One policy from a fresh link: generations until {@code minSeconds} have passed. */
    private static Run run(Setting s, PolicyKind kind, int k, int maxK, int rtt1, int rtt2, double switchAt)
            throws Exception {
        double minSeconds = 2 * switchAt;
        Duration before = Duration.ofNanos(rtt1 * 500_000L);
        Duration after = Duration.ofNanos(rtt2 * 500_000L);
        LinkSpec spec = LinkSpec.symmetric(new HostPort("127.0.0.1", 0), new HostPort("127.0.0.1", s.server().port()),
                DirectionSpec.IDEAL.withDelay(before), 1);
        spec = spec.withChanges(List.of(new DelayChange(Duration.ofMillis((long) (switchAt * 1000)), after, after)));
        KPolicy policy = kind.policy(k, maxK, 1);
        try (Link link = LinkEmulator.start(spec);
             HttpVerifierTransport http = new HttpVerifierTransport("http://127.0.0.1:" + link.localPort(), null,
                     Duration.ofSeconds(30))) {
            EdgeClient client = new EdgeClient(s.draft(), http, s.client(), null);
            // the link's clock started when it was created: count from there, as its schedule does
            long start = System.nanoTime();
            long switchNanos = start + (long) (switchAt * 1e9);
            long[] committedBefore = new long[1];
            long tokens = 0;
            for (int i = 0; (System.nanoTime() - start) / 1e9 < minSeconds; i++) {
                tokens += client.run(s.prompts().get(i % s.prompts().size()), s.n(), policy, tok -> {
                    if (System.nanoTime() - switchNanos < 0) {
                        committedBefore[0]++;
                    }
                }).summary().tokens();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            KPolicy.Counters c = policy.counters();
            return new Run(tokens, seconds, committedBefore[0], switchAt, c.rounds() == 0 ? Double.NaN
                    : (double) c.drafted() / c.rounds());
        }
    }

    private static void report(Map<String, List<Run>> runs, int reps, int rtt1, int rtt2, double phase) {
        Map<String, double[]> regret = new LinkedHashMap<>();
        Map<String, double[]> vsOracle = new LinkedHashMap<>();
        Map<String, double[]> regretEqual = new LinkedHashMap<>();
        double[] oracle1 = new double[reps];
        double[] oracle2 = new double[reps];
        for (int rep = 0; rep < reps; rep++) {
            int r = rep;
            var fixed = runs.entrySet().stream().filter(e -> e.getKey().startsWith("fixed")).map(e -> e.getValue().get(r))
                    .toList();
            double best1 = fixed.stream().mapToDouble(Run::before).max().orElseThrow();
            double best2 = fixed.stream().mapToDouble(Run::after).max().orElseThrow();
            double bestFixed = fixed.stream().mapToDouble(Run::goodput).max().orElseThrow();
            double bestEqual = fixed.stream().mapToDouble(Run::equalTime).max().orElseThrow();
            oracle1[rep] = best1;
            oracle2[rep] = best2;
            for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
                Run run = e.getValue().get(rep);
                double oracle = (phase * best1 + (run.seconds() - phase) * best2) / run.seconds();
                regret.computeIfAbsent(e.getKey(), x -> new double[reps])[rep] = (bestFixed - run.goodput()) / bestFixed;
                vsOracle.computeIfAbsent(e.getKey(), x -> new double[reps])[rep] = (oracle - run.goodput()) / oracle;
                regretEqual.computeIfAbsent(e.getKey(), x -> new double[reps])[rep] =
                        (bestEqual - run.equalTime()) / bestEqual;
            }
        }
        System.out.printf(Locale.ROOT, "%nlink RTT %d ms, then %d ms from %.0f s; goodput tok/s (median over repetitions):"
                + " %d ms phase, %d ms phase, whole run; regret against the best fixed K of the whole run and against the"
                + " oracle (best fixed K per phase: median %.2f tok/s at %d ms, %.2f at %d ms); 'equal': the two phases'"
                + " goodputs weighted equally (a run ends with its last generation, so runs spend different times on the"
                + " second link; this takes that out) and the regret against the best fixed K on it%n", rtt1, rtt2, phase,
                rtt1, rtt2, Median.of(oracle1), rtt1, Median.of(oracle2), rtt2);
        System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %9s %9s %7s %10s %12s %9s %10s%n", "policy", rtt1 + " ms",
                rtt2 + " ms", "tok/s", "min", "max", "mean K", "regret %", "vs oracle %", "equal", "regret eq %");
        for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
            List<Run> rs = e.getValue();
            double[] g = rs.stream().mapToDouble(Run::goodput).toArray();
            System.out.printf(Locale.ROOT, "%-36s %9.2f %9.2f %9.2f %9.2f %9.2f %7.2f %10.2f %12.2f %9.2f %10.2f%n",
                    e.getKey(),
                    Median.of(rs.stream().mapToDouble(Run::before).toArray()),
                    Median.of(rs.stream().mapToDouble(Run::after).toArray()), Median.of(g),
                    java.util.Arrays.stream(g).min().orElseThrow(), java.util.Arrays.stream(g).max().orElseThrow(),
                    Median.of(rs.stream().mapToDouble(Run::meanK).toArray()), 100 * Median.of(regret.get(e.getKey())),
                    100 * Median.of(vsOracle.get(e.getKey())),
                    Median.of(rs.stream().mapToDouble(Run::equalTime).toArray()),
                    100 * Median.of(regretEqual.get(e.getKey())));
        }
    }
}
