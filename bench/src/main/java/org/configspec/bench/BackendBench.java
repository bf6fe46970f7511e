package org.configspec.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.configspec.core.stats.Median;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.remote.LlamaServerProcess;
import org.configspec.serve.backend.EngineBackend;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;

/**
 * {@code serve --backend} on a real llama-server against our own in-process verifier, on the same GGUF, side by side
 * in one run. Not a timed test: wall-clock numbers on whatever machine runs it.
 * <p>Two verifiers run at once: ours (the target in-process, one llama decode per round) and ours with
 * {@link EngineBackend} on the natively built llama-server (per-position fallback: one {@code /completion} of
 * {@code n_predict 1} per scored row; greedy stops at the first mismatch). At each RTT (the in-process link emulator,
 * half of it each way) the same edge client (draft, fixed K, greedy) runs against each, interleaved run by run
 * (warm-up first); the two outputs must be identical (both lossless). Per verifier: goodput = committed tokens / wall
 * seconds of a run (median, min, max over runs), tokens per round, the client's mean round trip per round (median
 * over runs), the server's mean verify latency (arrival to answer, from its /metrics over the measured runs) and, for
 * the engine, its requests per round.
 * <p>Usage: {@code BackendBench [key=value ...]}: {@code n=48} tokens per run, {@code runs=5}, {@code rtt=0,20} (ms),
 * {@code k=4}, {@code draft=stories15M-q8_0-l5}, {@code target=stories15M-f32}, {@code threads=1} (llama threads of
 * each verifier, llama-server and the draft).
 */
public final class BackendBench {
    private static final String PROMPT = "Once upon a time";

    private BackendBench() {
    }

    /** One verifier under test and what it counted before the measured runs. */
    private record Side(String label, VerifierServer server) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        int n = BenchArgs.integer(a, "n", 48);
        int runs = BenchArgs.integer(a, "runs", 5);
        List<Integer> rtts = BenchArgs.ints(a.getOrDefault("rtt", "0,20"));
        int k = BenchArgs.integer(a, "k", 4);
        String draftName = a.getOrDefault("draft", "stories15M-q8_0-l5");
        String targetName = a.getOrDefault("target", "stories15M-f32");
        int threads = BenchArgs.integer(a, "threads", 1);
        ModelStore store = ModelStore.defaultStore();
        Path targetPath = store.resolve(targetName);
        System.out.printf(Locale.ROOT, "BackendBench: target %s, draft %s, K = %d (fixed, greedy), n = %d tokens per"
                        + " run, '%s', %d llama thread(s) each, %d processors, %d runs interleaved per RTT%n",
                targetName, draftName, k, n, PROMPT, threads, Runtime.getRuntime().availableProcessors(), runs);
        VerifierConfig config = VerifierConfig.defaults().withThreads(threads).withSessions(4, Duration.ofSeconds(60));
        try (LlamaModel target = LlamaModel.load(targetPath);
             LlamaModel draft = LlamaModel.load(store.resolve(draftName));
             LlamaServerProcess llama = LlamaServerProcess.start(LlamaServerProcess.Options.of(targetPath)
                     .withThreads(threads));
             VerifierServer own = VerifierServer.start(config, target);
             VerifierServer engine = VerifierServer.start(config, target,
                     EngineBackend.open(llama.endpoint(null), target, 0, config.maxBatch(), config.maxK()))) {
            System.out.println("engine: " + engine.backend());
            int[] prompt = target.tokenize(PROMPT.getBytes(StandardCharsets.UTF_8), true);
            List<Side> sides = List.of(new Side("own verifier (in-process)", own),
                    new Side("serve --backend llama-server", engine));
            System.out.printf(Locale.ROOT, "%n%-7s %-30s %9s %8s %8s %8s %11s %11s %9s %7s%n", "RTT ms", "verifier",
                    "tok/s med", "min", "max", "tok/rnd", "rt ms/rnd", "verify ms", "req/rnd", "vs own");
            for (int rtt : rtts) {
                measure(sides, rtt, prompt, draft, n, k, runs, threads);
            }
        }
    }

    private static void measure(List<Side> sides, int rtt, int[] prompt, LlamaModel draft, int n, int k, int runs,
                                int threads) throws Exception {
        Duration oneWay = Duration.ofNanos(rtt * 500_000L);
        List<Link> links = new ArrayList<>();
        List<HttpVerifierTransport> transports = new ArrayList<>();
        List<EdgeClient> clients = new ArrayList<>();
        try {
            for (Side s : sides) {
                Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0),
                        new HostPort("127.0.0.1", s.server().port()), DirectionSpec.IDEAL.withDelay(oneWay), 1));
                links.add(link);
                HttpVerifierTransport t = new HttpVerifierTransport("http://127.0.0.1:" + link.localPort(), null,
                        Duration.ofSeconds(60));
                transports.add(t);
                EdgeClient c = new EdgeClient(draft, t, ClientOptions.defaults().withThreads(threads), null);
                clients.add(c);
                c.run(prompt, n, new FixedK(k), null); // warm-up
            }
            int m = sides.size();
            double[][] goodput = new double[m][runs];
            double[][] roundTrip = new double[m][runs];
            double[] perRound = new double[m];
            double[][] before = new double[m][];
            for (int s = 0; s < m; s++) {
                before[s] = counters(sides.get(s).server());
            }
            int[] reference = null;
            for (int r = 0; r < runs; r++) {
                for (int s = 0; s < m; s++) {
                    EdgeClient.Result res = clients.get(s).run(prompt, n, new FixedK(k), null);
                    if (reference == null) {
                        reference = res.tokens();
                    } else if (!Arrays.equals(reference, res.tokens())) {
                        throw new IllegalStateException(sides.get(s).label() + " at RTT " + rtt + " ms committed other"
                                + " tokens than the first run: " + Arrays.toString(res.tokens()));
                    }
                    goodput[s][r] = res.summary().goodput();
                    roundTrip[s][r] = res.summary().meanRoundTripMs();
                    perRound[s] += res.summary().tokensPerRound() / runs;
                }
            }
            double ownMedian = Median.of(goodput[0]);
            for (int s = 0; s < m; s++) {
                double[] after = counters(sides.get(s).server());
                double rounds = after[0] - before[s][0];
                double verifyMs = rounds == 0 ? 0 : (after[1] - before[s][1]) / rounds * 1000;
                double requests = rounds == 0 ? 0 : (after[2] - before[s][2]) / rounds;
                double[] g = goodput[s].clone();
                Arrays.sort(g);
                System.out.printf(Locale.ROOT, "%-7d %-30s %9.1f %8.1f %8.1f %8.2f %11.1f %11.1f %9s %6.2fx%n", rtt,
                        sides.get(s).label(), Median.ofSorted(g), g[0], g[g.length - 1], perRound[s],
                        Median.of(roundTrip[s]), verifyMs, s == 0 ? "-" : String.format(Locale.ROOT, "%.2f", requests),
                        Median.ofSorted(g) / ownMedian);
            }
        } finally {
            for (HttpVerifierTransport t : transports) {
                t.close();
            }
            for (Link l : links) {
                l.close();
            }
        }
    }

    /** Verify rounds, the sum of verify latencies (s) and the engine requests the server counted so far. */
    private static double[] counters(VerifierServer server) {
        String scrape = server.metrics().scrape();
        return new double[] {value(scrape, "configspec_verify_rounds_total"),
                value(scrape, "configspec_verify_latency_seconds_sum"),
                value(scrape, "configspec_backend_requests_total")};
    }

    private static double value(String scrape, String name) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }
}
