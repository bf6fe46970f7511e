package org.configspec.sim.calibrate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.core.calibration.PassCosts;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Median;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.profile.align.PromptSource;
import org.configspec.profile.draft.Contention;
import org.configspec.profile.draft.HostLoad;
import org.configspec.profile.draft.ProcHostLoad;
import org.configspec.profile.draft.ProcSelf;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import org.configspec.store.CalibrationDocument;
import org.configspec.store.ProfileProvenance;

/**
 * Measures the real verifier's service time per batch and fits it ({@code configspec profile verifier}). An
 * in-process {@link VerifierServer} on loopback serves the target; for each shape (S sessions, K drafted tokens) S
 * concurrent protocol clients, released together, each send verifies of K tokens in lock-step, so serve's decode loop
 * batches the S verifies together (max batch = the largest S, and a batch waits for all open sessions). The time of a
 * batch is what the verifier reports in each answer ({@code timings.decodeMs}: the llama decode of the S·(K + 1)
 * positions and the acceptance, as serve's decode loop measures it); the first client's answers give one figure per
 * batch. A batch that did not fill (a client came later than the max wait) is counted and left out. Each client verifies again at its prompt's end (serve rolls a
 * session that is ahead back), so every batch decodes the same context length whatever was accepted.
 * <p>
 * Shapes are interleaved: every repetition visits every shape once, and each visit discards its first
 * {@link #WARMUP_ROUNDS} rounds. A shape's figure is the median over all its batches; the fit
 * ({@link ServiceTimeFit}) counts each shape once.
 * <p>
 * Pinned ({@link Request#pinning()}), the verifier decodes on its own CPU(s) and everything else — the protocol clients,
 * the HTTP server's threads — runs on the others, as the validation and the benchmarks that use the calibration run;
 * the document's machine line says so.
 */
public final class VerifierCalibration {
    /** Rounds of each visit to a shape that are not recorded (new sessions, caches). */
    public static final int WARMUP_ROUNDS = 2;
    static final String TOOL = "configspec 0.1.0 profile verifier";

    /**
     * @param target      the target: a default model name or a GGUF path
     * @param threads     llama threads of the verifier
     * @param sessions    session counts to measure (1..64)
     * @param ks          K values to measure (1..64)
     * @param rounds      recorded rounds per visit to a shape
     * @param repetitions visits to every shape, interleaved
     * @param maxWait     how long a batch waits for the other sessions' verifies
     * @param pinning     the verifier's CPUs and the clients', or null: not pinned
     */
    public record Request(String target, int threads, List<Integer> sessions, List<Integer> ks,
                          int rounds, int repetitions, Duration maxWait, CpuSplit pinning) {
        public Request {
            Objects.requireNonNull(target, "target");
            sessions = List.copyOf(sessions);
            ks = List.copyOf(ks);
            if (sessions.isEmpty() || sessions.stream().anyMatch(s -> s < 1 || s > 64)) {
                throw new ConfigSpecException("--sessions " + sessions + ": allowed session counts 1..64");
            }
            if (ks.isEmpty() || ks.stream().anyMatch(k -> k < 1 || k > 64)) {
                throw new ConfigSpecException("-k " + ks + ": allowed K 1..64");
            }
            if (rounds < 1 || rounds > 10_000) {
                throw new ConfigSpecException("--rounds = " + rounds + ": allowed 1..10000");
            }
            if (repetitions < 1 || repetitions > 1000) {
                throw new ConfigSpecException("--repetitions = " + repetitions + ": allowed 1..1000");
            }
            if (threads < 1 || threads > 256) {
                throw new ConfigSpecException("--threads = " + threads + ": allowed 1..256");
            }
            Objects.requireNonNull(maxWait, "maxWait");
        }

        /** Not pinned. */
        public Request(String target, int threads, List<Integer> sessions, List<Integer> ks, int rounds,
                       int repetitions, Duration maxWait) {
            this(target, threads, sessions, ks, rounds, repetitions, maxWait, null);
        }

        int maxSessions() {
            return sessions.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }

        int maxK() {
            return ks.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    private VerifierCalibration() {
    }

    /** Measures every shape, fits, and returns the document (not stored: the caller stores or writes it). */
    public static CalibrationDocument run(Request r, LlamaModel target) throws InterruptedException {
        // read here: on a pinned thread the JVM counts only the CPUs that thread may use
        String machine = String.format(Locale.ROOT, "%s, %d processors, %s %s; %s", ProcSelf.cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                CpuSplit.describe(r.pinning()));
        return CpuSplit.callOnRest(r.pinning(), "configspec-calibration", () -> measure(r, target, machine));
    }

    private static CalibrationDocument measure(Request r, LlamaModel target, String machine)
            throws InterruptedException {
        HostLoad load = ProcHostLoad.system();
        HostLoad.Sample before = load.sample();
        List<int[]> prompts = new ArrayList<>();
        for (String p : PromptSource.builtin().prompts().subList(0, Math.min(r.maxSessions(),
                PromptSource.builtin().prompts().size()))) {
            prompts.add(target.tokenize(p.getBytes(StandardCharsets.UTF_8), true));
        }
        VerifierConfig config = VerifierConfig.defaults().withThreads(r.threads()).withMaxK(Math.max(16, r.maxK()))
                .withBatching(r.maxSessions(), r.maxWait()).withSessions(Math.max(4, r.maxSessions()),
                        Duration.ofSeconds(300)).withCpus(CpuSplit.verifierOf(r.pinning()));
        Map<List<Integer>, List<Double>> seconds = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        ExecutorService pool = Executors.newFixedThreadPool(r.maxSessions());
        int partial = 0;
        PassCosts passes;
        try (VerifierServer server = VerifierServer.start(config, target)) {
            passes = server.passCosts();
            for (int rep = 0; rep < r.repetitions(); rep++) {
                for (int s : r.sessions()) {
                    for (int k : r.ks()) {
                        for (VerifyResponse.Timings t : visit(pool, server.url(), prompts, s, k, r.rounds())) {
                            if (t.batchSize() == s) {
                                seconds.computeIfAbsent(List.of(s, k), x -> new ArrayList<>()).add(t.decodeMs() / 1e3);
                            } else {
                                partial++;
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<BatchTiming> shapes = new ArrayList<>();
        seconds.forEach((shape, v) -> shapes.add(new BatchTiming(shape.get(0), shape.get(1),
                Median.of(v.stream().mapToDouble(Double::doubleValue).toArray()), v.size())));
        ServiceTimeFit fit = ServiceTimeFit.fit(shapes);
        String contention = Contention.judge(before, load.sample(), null).summary();
        LlamaRuntime rt = LlamaRuntime.get();
        ProfileProvenance p = new ProfileProvenance(TOOL, target.info().sha256(), target.info().fileType(), hostName(), "none",
                r.threads(), null, Instant.now().toString(), contention);
        return new CalibrationDocument(r.target(), fit, shapes, r.repetitions(), r.maxWait().toNanos() / 1e6,
                config.maxSessions(), partial,
                "llama.cpp " + rt.version() + " (" + rt.libraryFile().getFileName() + ")", machine, p, passes);
    }

    /** One visit: s clients in lock-step, k tokens per verify; the first client's recorded answers. */
    private static List<VerifyResponse.Timings> visit(ExecutorService pool, String url, List<int[]> prompts, int s,
                                                      int k, int rounds) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(s);
        List<Future<List<VerifyResponse.Timings>>> fs = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            int[] prompt = prompts.get(i % prompts.size());
            Callable<List<VerifyResponse.Timings>> c = () -> client(url, prompt, k, rounds, start);
            fs.add(pool.submit(c));
        }
        List<List<VerifyResponse.Timings>> all = new ArrayList<>();
        for (Future<List<VerifyResponse.Timings>> f : fs) {
            try {
                all.add(f.get());
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof ConfigSpecException ce ? ce : new ConfigSpecException("calibration client at "
                        + s + " sessions, K " + k + ": " + c, c);
            }
        }
        return all.get(0);
    }

    private static List<VerifyResponse.Timings> client(String url, int[] prompt, int k, int rounds,
                                                       CyclicBarrier start) throws Exception {
        try (HttpVerifierTransport http = new HttpVerifierTransport(url, null, Duration.ofSeconds(60))) {
            SessionResponse session = open(http, prompt);
            int[] draft = new int[k];
            for (int i = 0; i < k; i++) {
                draft[i] = prompt[i % prompt.length];
            }
            List<VerifyResponse.Timings> out = new ArrayList<>();
            try {
                start.await();
                for (int i = 0; i < WARMUP_ROUNDS + rounds; i++) {
                    VerifyResponse v = http.verify(session.session(), new VerifyRequest(session.position(), draft, null));
                    if (i >= WARMUP_ROUNDS) {
                        out.add(v.timings());
                    }
                }
            } finally {
                try {
                    http.deleteSession(session.session());
                } catch (VerifierException e) {
                    // expires on the server's idle timeout
                }
            }
            return out;
        }
    }

    /**
     * Creates a session, waiting (up to 10 s) while the verifier answers 429: the previous visit's sessions are deleted
     * when their clients finish, but serve's decode thread frees their slots a moment later
     * ({@code serve/src/main/java/org/configspec/serve/verifier/DecodeLoop.java}), and every slot is used again.
     */
    private static SessionResponse open(HttpVerifierTransport http, int[] prompt) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return http.createSession(SessionRequest.greedy(prompt));
            } catch (VerifierException e) {
                if (e.status() != 429 || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
