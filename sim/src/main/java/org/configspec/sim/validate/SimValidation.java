package org.configspec.sim.validate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.configspec.core.acceptance.PerPositionCurve;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.PromptSource;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.PolicyKind;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.metrics.RoundRecord;
import org.configspec.serve.metrics.VerifierMetrics;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import org.configspec.sim.AcceptanceSampler;
import org.configspec.sim.Batching;
import org.configspec.sim.ClientSpec;
import org.configspec.sim.RttModel;
import org.configspec.sim.ServiceTime;
import org.configspec.sim.SimConfig;
import org.configspec.sim.SimResult;
import org.configspec.sim.Simulation;
import org.configspec.sim.calibrate.CalibrationSource;
import org.configspec.store.CalibrationDocument;

/**
 * The simulator against real runs. For each RTT and client count: an in-process verifier of the target (batching as
 * given, as many session slots as the calibration's verifier had, so its KV cache is the one calibrated), a link
 * emulator adding RTT/2 each way, and that many real edge clients ({@link EdgeClient}, greedy, fixed K, one llama
 * thread each, the draft model shared) started together, each generating {@code tokens} tokens from its own prompt.
 * Then the simulator, fed by the calibration's service time and by what the real clients measured at that point —
 * draft speed, the per-position acceptance of their full-K rounds, and the time of each verify outside the verifier
 * (the call's wall time minus the queueing and decode the answer reports: the emulated RTT plus HTTP and loopback),
 * as a lognormal round trip with those times' log spread and mean — runs the same number of clients on one verifier with the same
 * batching. The verifier's queueing delay comes from its metrics
 * (arrival to the batch's decode, as the simulator defines it).
 * <p>
 * What the simulator is not told: the real verifier's decode times and queueing. Co-located clients share the
 * machine's cores with the verifier, so the draft speed they measure is the contended one (the simulator is given
 * it), and the verifier's decode times may exceed the calibration's (the table shows both). Pinned
 * ({@link Request#pinning()}), the verifier decodes on its own CPU(s) and the clients, the link and the servers' other
 * threads run on the others, as the calibration was measured ({@code VerifierCalibration}).
 */
public final class SimValidation {
    /**
     * @param clients   client counts, 1..64
     * @param rttsMs    emulated round trips, ms
     * @param tokens    tokens each client generates
     * @param simulated simulated time per point
     * @param pinning   the verifier's CPUs and the clients', or null: not pinned
     */
    public record Request(String target, String draft, int threads, List<Integer> clients, List<Integer> rttsMs, int k,
                          int tokens, int maxBatch, Duration maxWait, Duration simulated, long seed,
                          CpuSplit pinning) {
        public Request {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(draft, "draft");
            clients = List.copyOf(clients);
            rttsMs = List.copyOf(rttsMs);
            if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 64)) {
                throw new ConfigSpecException("clients " + clients + ": allowed 1..64 each");
            }
            if (rttsMs.isEmpty() || rttsMs.stream().anyMatch(r -> r < 0 || r > 10_000)) {
                throw new ConfigSpecException("rtt " + rttsMs + ": allowed 0..10000 ms each");
            }
            if (k < 1 || k > 16 || tokens < 2 || maxBatch < 1 || maxBatch > 64) {
                throw new ConfigSpecException("k " + k + ", tokens " + tokens + ", max batch " + maxBatch
                        + ": allowed K 1..16, tokens >= 2, max batch 1..64");
            }
        }

        /** Not pinned. */
        public Request(String target, String draft, int threads, List<Integer> clients, List<Integer> rttsMs, int k,
                       int tokens, int maxBatch, Duration maxWait, Duration simulated, long seed) {
            this(target, draft, threads, clients, rttsMs, k, tokens, maxBatch, maxWait, simulated, seed, null);
        }
    }

    private SimValidation() {
    }

    /** Loads the models and validates every point against the calibration. */
    public static ValidationReport run(Request r, CalibrationDocument calibration) throws InterruptedException {
        ModelStore models = ModelStore.defaultStore();
        try (LlamaModel t = LlamaModel.load(models.resolve(r.target()));
             LlamaModel d = LlamaModel.load(models.resolve(r.draft()))) {
            return CpuSplit.callOnRest(r.pinning(), "configspec-validation", () -> run(r, calibration, t, d));
        }
    }

    static ValidationReport run(Request r, CalibrationDocument cal, LlamaModel target, LlamaModel draft)
            throws InterruptedException {
        int most = r.clients().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> texts = PromptSource.builtin().prompts();
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            prompts.add(draft.tokenize(texts.get(i % texts.size()).getBytes(StandardCharsets.UTF_8), true));
        }
        VerifierConfig config = VerifierConfig.defaults().withThreads(r.threads()).withMaxK(16)
                .withBatching(r.maxBatch(), r.maxWait())
                .withSessions(Math.max(most, cal.maxSessions()), Duration.ofSeconds(300))
                .withCpus(CpuSplit.verifierOf(r.pinning()));
        ExecutorService pool = Executors.newFixedThreadPool(most);
        List<ValidationPoint> points = new ArrayList<>();
        try {
            // warm-up (JIT, caches), discarded
            measure(pool, config, target, draft, prompts, r, 1, 0, Math.min(r.tokens(), 16));
            for (int rtt : r.rttsMs()) {
                for (int c : r.clients()) {
                    points.add(point(r, cal, measure(pool, config, target, draft, prompts, r, c, rtt, r.tokens())));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String setup = String.format(Locale.ROOT, "real: %s verifying %s drafts, K = %d (fixed, greedy), %d tokens per"
                        + " client, batching max %d / wait %d ms, %d llama thread(s) on the verifier and 1 per client,"
                        + " %s; simulated: %d s per point, seed %d", r.target(), r.draft(), r.k(), r.tokens(),
                r.maxBatch(), r.maxWait().toMillis(), r.threads(), CpuSplit.describe(r.pinning()), r.simulated().toSeconds(), r.seed());
        return new ValidationReport(points, cal, setup);
    }

    /** What the real run of one point measured. */
    record Measured(int clients, double rttMs, List<EdgeClient.Result> results, List<Double> netSeconds,
                    double queueMs, double meanBatch, double decodeMsPerBatch) {
    }

    private static Measured measure(ExecutorService pool, VerifierConfig config, LlamaModel target, LlamaModel draft,
                                    List<int[]> prompts, Request r, int clients, int rttMs, int tokens)
            throws InterruptedException {
        try (VerifierServer server = VerifierServer.start(config, target)) {
            DirectionSpec each = DirectionSpec.IDEAL.withDelay(Duration.ofNanos(rttMs * 500_000L));
            try (Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0),
                    new HostPort("127.0.0.1", server.port()), each, 1))) {
                String url = "http://127.0.0.1:" + link.localPort();
                CyclicBarrier start = new CyclicBarrier(clients);
                List<Future<EdgeClient.Result>> fs = new ArrayList<>();
                List<TimingTransport> timings = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    int[] prompt = prompts.get(i);
                    TimingTransport http = new TimingTransport(new HttpVerifierTransport(url, null,
                            Duration.ofSeconds(120)));
                    timings.add(http);
                    Callable<EdgeClient.Result> job = () -> {
                        try (http) {
                            EdgeClient client = new EdgeClient(draft, http, ClientOptions.defaults().withThreads(1)
                                    .withCpus(CpuSplit.restOf(r.pinning())), null);
                            start.await();
                            return client.run(prompt, tokens, new FixedK(r.k()), null);
                        }
                    };
                    fs.add(pool.submit(job));
                }
                List<EdgeClient.Result> results = new ArrayList<>();
                List<Double> net = new ArrayList<>();
                for (int i = 0; i < fs.size(); i++) {
                    try {
                        results.add(fs.get(i).get());
                        net.addAll(timings.get(i).netSeconds());
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        throw c instanceof ConfigSpecException ce ? ce : new ConfigSpecException("validation client at "
                                + clients + " clients, RTT " + rttMs + " ms: " + c, c);
                    }
                }
                VerifierMetrics m = server.metrics();
                return new Measured(clients, rttMs, results, net, m.meanBatchWaitMs(), m.meanBatchSize(),
                        1e3 * m.decodeBusySeconds() / Math.max(1, m.batches()));
            }
        }
    }

    /**
     * Committed tokens per second of a client's steady rounds: after its first (which also creates the session on the
     * verifier) and at the run's K (the last rounds of a generation draft fewer, clipped to the tokens still wanted):
     * the simulator models neither, its clients draft K in every round of an endless session. Σ committed / Σ (drafting
     * + round trip) over those rounds. (With 48 tokens per client a run has about 17 rounds, and its clipped tail
     * committed 2.5 instead of 2.9 tokens per round: measured, the simulator was then 12-14 % high at one client.)
     */
    static double steadyGoodput(List<RoundRecord> rounds, int k) {
        long committed = 0;
        double seconds = 0;
        for (RoundRecord rr : rounds.subList(Math.min(1, rounds.size()), rounds.size())) {
            if (rr.k() != k) {
                continue;
            }
            committed += rr.committed();
            seconds += rr.draftSeconds() + rr.roundTripSeconds();
        }
        return seconds > 0 ? committed / seconds : Double.NaN;
    }

    /**
     * Lognormal fit of the measured times outside the verifier: sigma is the standard deviation of their logs, and the
     * median is set so that the lognormal's mean, median · exp(sigma² / 2), is their mean (a round's time is linear in
     * them, so the mean is what goodput needs).
     */
    static RttModel.LogNormal logNormal(List<Double> seconds) {
        double sigma = logSpread(seconds.stream().map(x -> Math.log(Math.max(1e-5, x))).toList());
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new RttModel.LogNormal(mean * Math.exp(-sigma * sigma / 2), sigma);
    }

    /** Sample standard deviation of logarithms (0 for fewer than two). */
    static double logSpread(List<Double> logs) {
        if (logs.size() < 2) {
            return 0;
        }
        double mean = 0;
        for (double x : logs) {
            mean += x / logs.size();
        }
        double var = 0;
        for (double x : logs) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / (logs.size() - 1));
    }

    private static ValidationPoint point(Request r, CalibrationDocument cal, Measured m) {
        int k = r.k();
        long drafted = 0;
        double draftS = 0;
        long rounds = 0;
        long full = 0;
        long committedFull = 0;
        long[] atLeast = new long[k + 1];
        List<Double> draftLogs = new ArrayList<>();
        double goodput = 0;
        for (EdgeClient.Result res : m.results()) {
            goodput += steadyGoodput(res.summary().roundRecords(), k) / m.results().size();
            for (RoundRecord rr : res.summary().roundRecords()) {
                drafted += rr.k();
                draftS += rr.draftSeconds();
                rounds++;
                if (rr.k() > 0 && rr.draftSeconds() > 0 && Double.isFinite(rr.draftSeconds())) {
                    draftLogs.add(Math.log(rr.draftSeconds() / rr.k()));
                }
                if (rr.k() == k) {
                    full++;
                    committedFull += rr.committed();
                    for (int i = 1; i <= rr.accepted(); i++) {
                        atLeast[i]++;
                    }
                }
            }
        }
        if (full == 0 || drafted == 0) {
            throw new ConfigSpecException("validation at " + m.clients() + " clients, RTT " + m.rttMs() + " ms: no"
                    + " full-K round to measure acceptance from; generate more tokens per client");
        }
        double[] survival = new double[k];
        for (int i = 1; i <= k; i++) {
            survival[i - 1] = (double) atLeast[i] / full;
        }
        double rd = drafted / draftS;
        RttModel.LogNormal net = logNormal(m.netSeconds());
        ClientSpec spec = new ClientSpec("validation", rd, Double.NaN, 0, false,
                new AcceptanceSampler(new PerPositionCurve(survival), k), kk -> 0, PolicyKind.FIXED, k,
                logSpread(draftLogs));
        ServiceTime calibrated = CalibrationSource.serviceTime(cal, false);
        SimConfig sc = new SimConfig(spec, m.clients(), 1, r.simulated().toNanos() / 1e9, r.seed(),
                Batching.of(r.maxBatch(), r.maxWait()), calibrated, net);
        SimResult s = Simulation.run(sc);
        // diagnostic: the same simulation with the calibration's shape scaled to the decode time this point's verifier
        // really had at its mean batch (separates the calibration's error from the simulator's)
        double fitted = calibrated.fixedS() + calibrated.perTokenS() * m.meanBatch() * (k + 1)
                + calibrated.perSessionS() * m.meanBatch();
        double factor = m.decodeMsPerBatch() / 1e3 / fitted;
        ServiceTime oracle = new ServiceTime(calibrated.fixedS() * factor, calibrated.perTokenS() * factor,
                calibrated.perSessionS() * factor, calibrated.range(), true, "", null);
        SimResult o = Simulation.run(new SimConfig(spec, m.clients(), 1, sc.durationS(), r.seed(), sc.batching(),
                oracle, net));
        return new ValidationPoint(m.clients(), m.rttMs(), goodput, s.goodput().mean(), o.goodput().mean(),
                m.queueMs(), 1e3 * s.queueDelayS().mean(), 1e3 * o.queueDelayS().mean(), 1e3 * net.medianS(),
                net.sigma(), rd, (double) committedFull / full, s.tokensPerRound(), m.meanBatch(), s.meanBatch(),
                m.decodeMsPerBatch(), 1e3 * fitted, 1e3 * s.meanServiceS(), rounds);
    }
}
