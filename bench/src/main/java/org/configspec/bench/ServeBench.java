package org.configspec.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.configspec.core.stats.Median;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.PromptSource;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;

/**
 * Distributed speculative decoding over HTTP, measured end to end in one run. Not a timed test: wall-clock
 * numbers on whatever machine runs it.
 * <ol>
 *   <li><b>Goodput vs RTT</b>: greedy speculative decoding (EdgeClient, fixed K, each draft) against the target
 *   alone (a client that sends K = 0 verifies: one target token per round trip) through the in-process link
 *   emulator at each RTT (half of it each way), against an in-process verifier of the target. Goodput = committed
 *   tokens / wall seconds of a run (session creation included); median over runs; the ratio is SD / target alone.
 *   The SD output is checked token for token against the target-alone output (greedy is lossless).</li>
 *   <li><b>Server throughput vs concurrency</b>: C synthetic clients (no draft model, so the two cores go to the
 *   verifier) on a direct connection, each with its own session and prompt, send K drafted tokens per verify taken
 *   from the target's own greedy continuation (computed first with K = 0 verifies), so the server decodes K + 1
 *   positions per session and round, as in real SD at full acceptance. Verified tokens/s = tokens committed by all
 *   clients / wall seconds from the start barrier (every session created before it) to the last client's end;
 *   median over runs; batched
 *   (--max-batch 16, --max-wait-ms 2 by default) vs unbatched (--max-batch 1).</li>
 * </ol>
 * <p>Usage: {@code ServeBench [key=value ...]} with keys {@code n=48} (tokens per run in part 1), {@code runs=3},
 * {@code rtt=0,20,100} (ms), {@code k=4}, {@code drafts=stories15M-q8_0,stories15M-q8_0-l5},
 * {@code target=stories15M-f32}, {@code clients=1,4,16}, {@code clientTokens=64} (per client in part 2),
 * {@code maxBatch=16}, {@code maxWaitMs=2}, {@code threads=1} (llama threads of verifier and drafts),
 * {@code parts=goodput,throughput}.
 */
public final class ServeBench {
    private static final String PROMPT = "Once upon a time";

    private ServeBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        int n = Integer.parseInt(a.getOrDefault("n", "48"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        List<Integer> rtts = BenchArgs.ints(a.getOrDefault("rtt", "0,20,100"));
        int k = Integer.parseInt(a.getOrDefault("k", "4"));
        List<String> drafts = List.of(a.getOrDefault("drafts", "stories15M-q8_0,stories15M-q8_0-l5").split(","));
        String target = a.getOrDefault("target", "stories15M-f32");
        List<Integer> clients = BenchArgs.ints(a.getOrDefault("clients", "1,4,16"));
        int clientTokens = Integer.parseInt(a.getOrDefault("clientTokens", "64"));
        int maxBatch = Integer.parseInt(a.getOrDefault("maxBatch", "16"));
        int maxWaitMs = Integer.parseInt(a.getOrDefault("maxWaitMs", "2"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        String parts = a.getOrDefault("parts", "goodput,throughput");
        ModelStore store = ModelStore.defaultStore();
        System.out.printf(Locale.ROOT, "ServeBench: target %s, %d llama thread(s), %d processors, median of %d runs%n",
                target, threads, Runtime.getRuntime().availableProcessors(), runs);
        try (LlamaModel t = LlamaModel.load(store.resolve(target))) {
            if (parts.contains("goodput")) {
                goodput(store, t, drafts, rtts, n, k, runs, threads);
            }
            if (parts.contains("throughput")) {
                throughput(t, clients, clientTokens, k, maxBatch, maxWaitMs, runs, threads);
            }
        }
    }

    // ---- part 1: goodput of SD vs the target alone at each RTT ----

    private static void goodput(ModelStore store, LlamaModel target, List<String> draftNames, List<Integer> rtts, int n,
                                int k, int runs, int threads) throws Exception {
        System.out.printf(Locale.ROOT, "%n(a) goodput, greedy, '%s', n = %d tokens per run, K = %d (fixed), link delay"
                + " RTT/2 each way; tok/s = committed tokens / run wall time%n", PROMPT, n, k);
        System.out.printf(Locale.ROOT, "%-8s %-22s %10s %10s %10s %9s %12s %8s%n", "RTT ms", "client", "tok/s med",
                "min", "max", "tok/rnd", "rtt ms mean", "vs TA");
        List<LlamaModel> drafts = new ArrayList<>();
        try {
            for (String d : draftNames) {
                drafts.add(LlamaModel.load(store.resolve(d)));
            }
            int[] prompt = target.tokenize(PROMPT.getBytes(StandardCharsets.UTF_8), true);
            VerifierConfig config = VerifierConfig.defaults().withThreads(threads).withSessions(4, Duration.ofSeconds(60));
            try (VerifierServer server = VerifierServer.start(config, target)) {
                for (int rtt : rtts) {
                    Duration oneWay = Duration.ofNanos(rtt * 500_000L);
                    LinkSpec spec = LinkSpec.symmetric(new HostPort("127.0.0.1", 0),
                            new HostPort("127.0.0.1", server.port()), DirectionSpec.IDEAL.withDelay(oneWay), 1);
                    try (Link link = LinkEmulator.start(spec);
                         HttpVerifierTransport http = new HttpVerifierTransport("http://127.0.0.1:" + link.localPort(),
                                 null, Duration.ofSeconds(30))) {
                        // target alone: warm-up, then the measured runs
                        targetAlone(http, prompt, n);
                        double[] ta = new double[runs];
                        int[] reference = null;
                        double taRtt = 0;
                        for (int r = 0; r < runs; r++) {
                            TargetAloneRun run = targetAlone(http, prompt, n);
                            ta[r] = run.tokens.length / run.seconds;
                            taRtt += run.seconds / run.rounds * 1000 / runs;
                            reference = run.tokens;
                        }
                        double taMedian = Median.of(ta);
                        row(rtt, "target alone (K=0)", ta, 1.0, taRtt, 1.0);
                        for (int i = 0; i < drafts.size(); i++) {
                            EdgeClient client = new EdgeClient(drafts.get(i), http,
                                    ClientOptions.defaults().withThreads(threads), null);
                            client.run(prompt, n, new FixedK(k), null);
                            double[] sd = new double[runs];
                            double tpr = 0;
                            double meanRtt = 0;
                            for (int r = 0; r < runs; r++) {
                                EdgeClient.Result res = client.run(prompt, n, new FixedK(k), null);
                                if (!Arrays.equals(res.tokens(), reference)) {
                                    throw new IllegalStateException("SD with " + draftNames.get(i) + " at RTT " + rtt
                                            + " ms differs from the target's greedy output");
                                }
                                sd[r] = res.summary().goodput();
                                tpr += res.summary().tokensPerRound() / runs;
                                meanRtt += res.summary().meanRoundTripMs() / runs;
                            }
                            row(rtt, "SD " + draftNames.get(i), sd, tpr, meanRtt, Median.of(sd) / taMedian);
                        }
                    }
                }
            }
        } finally {
            for (LlamaModel d : drafts) {
                d.close();
            }
        }
    }

    private static void row(int rtt, String client, double[] v, double tokPerRound, double rttMs, double ratio) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-8d %-22s %10.1f %10.1f %10.1f %9.2f %12.1f %7.2fx%n", rtt, client,
                Median.ofSorted(s), s[0], s[s.length - 1], tokPerRound, rttMs, ratio);
    }

    record TargetAloneRun(int[] tokens, double seconds, int rounds) {
    }

    /** The target alone over the protocol: a session, then n verifies with K = 0 (one target token per round trip). */
    private static TargetAloneRun targetAlone(HttpVerifierTransport http, int[] prompt, int n)
            throws VerifierException {
        return targetAlone(http, SessionRequest.greedy(prompt), n);
    }

    /** Also the reference continuation of {@link LoadBench}: a greedy session, n verifies with K = 0. */
    static TargetAloneRun targetAlone(HttpVerifierTransport http, SessionRequest session, int n)
            throws VerifierException {
        long t0 = System.nanoTime();
        SessionResponse s = http.createSession(session);
        int[] out = new int[n];
        int position = s.position();
        for (int i = 0; i < n; i++) {
            VerifyResponse v = http.verify(s.session(), new VerifyRequest(position, new int[0], null));
            out[i] = v.token();
            position = v.position();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        http.deleteSession(s.session());
        return new TargetAloneRun(out, seconds, n);
    }

    // ---- part 2: server throughput vs concurrent clients, batched vs unbatched ----

    private static void throughput(LlamaModel target, List<Integer> clientCounts, int tokens, int k, int maxBatch,
                                   int maxWaitMs, int runs, int threads) throws Exception {
        int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<String> texts = PromptSource.builtin().prompts();
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            prompts.add(target.tokenize(texts.get(i % texts.size()).getBytes(StandardCharsets.UTF_8), true));
        }
        VerifierConfig base = VerifierConfig.defaults().withThreads(threads)
                .withSessions(Math.max(4, most), Duration.ofSeconds(60));
        List<int[]> refs = references(base, target, prompts, tokens + k + 1);
        System.out.printf(Locale.ROOT, "%n(b) verifier throughput, direct connection, synthetic clients drafting K = %d"
                + " tokens of the target's own continuation (full acceptance), %d tokens per client; verified tok/s ="
                + " committed tokens of all clients / wall time%n", k, tokens);
        System.out.printf(Locale.ROOT, "%-8s %-30s %10s %10s %10s %10s %11s %8s%n", "clients", "server", "tok/s med",
                "min", "max", "rounds/s", "mean batch", "b/unb");
        for (int c : clientCounts) {
            double unbatched = 0;
            String[] labels = {"unbatched (max-batch 1)", "batched (max-batch " + maxBatch + ", " + maxWaitMs + " ms)"};
            VerifierConfig[] configs = {base.withBatching(1, Duration.ZERO),
                    base.withBatching(maxBatch, Duration.ofMillis(maxWaitMs))};
            for (int m = 0; m < 2; m++) {
                try (VerifierServer server = VerifierServer.start(configs[m], target)) {
                    load(server, prompts, refs, c, Math.min(tokens, 8), k); // warm-up
                    double[] tps = new double[runs];
                    double rps = 0;
                    double batch = 0;
                    for (int r = 0; r < runs; r++) {
                        LoadResult l = load(server, prompts, refs, c, tokens, k);
                        tps[r] = l.tokens / l.seconds;
                        rps += l.rounds / l.seconds / runs;
                        batch += l.meanBatch / runs;
                    }
                    double med = Median.of(tps);
                    if (m == 0) {
                        unbatched = med;
                    }
                    double[] s = tps.clone();
                    Arrays.sort(s);
                    System.out.printf(Locale.ROOT, "%-8d %-30s %10.1f %10.1f %10.1f %10.1f %11.2f %8s%n", c,
                            labels[m], med, s[0], s[s.length - 1], rps, batch,
                            m == 0 ? "" : String.format(Locale.ROOT, "%.2fx", med / unbatched));
                }
            }
        }
    }

    /** Each prompt's reference: the target's own greedy continuation of {@code n} tokens, by K = 0 verifies. */
    static List<int[]> references(VerifierConfig config, LlamaModel target, List<int[]> prompts, int n)
            throws VerifierException {
        List<int[]> refs = new ArrayList<>();
        try (VerifierServer server = VerifierServer.start(config.withBatching(1, Duration.ZERO), target);
             HttpVerifierTransport http = new HttpVerifierTransport(server.url(), null, Duration.ofSeconds(30))) {
            for (int[] p : prompts) {
                refs.add(targetAlone(http, p, n).tokens);
            }
        }
        return refs;
    }

    /** Synthetic clients' totals: committed tokens, verify rounds, wall seconds, mean batch the server reported. */
    record LoadResult(long tokens, long rounds, double seconds, double meanBatch) {
    }

    private record ClientResult(long tokens, long rounds, long batchSum) {
    }

    /**
     * {@code clients} synthetic clients at once, client i on prompt i with reference i, each committing {@code tokens}
     * tokens by verifies of K reference tokens (full acceptance: K + 1 positions decoded per round).
     */
    static LoadResult load(VerifierServer server, List<int[]> prompts, List<int[]> refs, int clients,
                                   int tokens, int k) throws Exception {
        return load(server, prompts, refs, clients, tokens, k, false);
    }

    /**
     * As {@link #load(VerifierServer, List, List, int, int, int)}; with {@code atPromptEnd} every verify is sent at
     * the prompt's end (serve rolls the session back to it), so every batch decodes the same short contexts, the shape
     * llama-batched-bench measures from empty caches.
     */
    static LoadResult load(VerifierServer server, List<int[]> prompts, List<int[]> refs, int clients,
                                   int tokens, int k, boolean atPromptEnd) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        try {
            List<Future<ClientResult>> fs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int[] prompt = prompts.get(i);
                int[] ref = refs.get(i);
                Callable<ClientResult> client = () -> synthetic(server.url(), prompt, ref, tokens, k, start,
                        atPromptEnd);
                fs.add(pool.submit(client));
            }
            start.await();
            long t0 = System.nanoTime();
            long tok = 0;
            long rounds = 0;
            long batchSum = 0;
            for (Future<ClientResult> f : fs) {
                ClientResult r = f.get();
                tok += r.tokens;
                rounds += r.rounds;
                batchSum += r.batchSum;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new LoadResult(tok, rounds, seconds, rounds == 0 ? 0 : (double) batchSum / rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A session, waiting out 429s for a few seconds: the previous level's sessions may still be being freed (their
     * deletes answered, their KV-cache slots not yet handed back).
     */
    private static SessionResponse create(HttpVerifierTransport http, int[] prompt) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return http.createSession(SessionRequest.greedy(prompt));
            } catch (VerifierException e) {
                if (e.status() != 429 || attempt >= 200) {
                    throw e;
                }
                Thread.sleep(25);
            }
        }
    }

    /** One client: a session, then verifies of K reference tokens until {@code tokens} are committed. */
    private static ClientResult synthetic(String url, int[] prompt, int[] ref, int tokens, int k, CyclicBarrier start,
                                          boolean atPromptEnd) throws Exception {
        try (HttpVerifierTransport http = new HttpVerifierTransport(url, null, Duration.ofSeconds(60))) {
            SessionResponse s;
            try {
                s = create(http, prompt);
            } catch (VerifierException | RuntimeException e) {
                start.reset(); // the others and the clock would wait for this client for ever
                throw e;
            }
            start.await(); // the clock starts once every session exists: prompt prefills are not verify rounds
            int position = s.position();
            int done = 0;
            long rounds = 0;
            long batchSum = 0;
            while (done < tokens) {
                int kk = Math.min(k, tokens - done - 1);
                int from = atPromptEnd ? 0 : done;
                int[] draft = Arrays.copyOfRange(ref, from, from + Math.max(0, kk));
                VerifyResponse v = http.verify(s.session(), new VerifyRequest(position, draft, null));
                done += v.position() - position;
                if (!atPromptEnd) {
                    position = v.position();
                }
                rounds++;
                batchSum += v.timings().batchSize();
            }
            http.deleteSession(s.session());
            return new ClientResult(done, rounds, batchSum);
        }
    }
}
