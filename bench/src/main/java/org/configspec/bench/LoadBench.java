package org.configspec.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.configspec.profile.align.PromptSource;
import org.configspec.profile.draft.ProcSelf;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.protocol.SessionRequest;

/**
 * Load on a real {@code configspec serve} process: 1 → 64 concurrent protocol clients ({@link LoadClient}), each
 * level for a fixed time, and per level the throughput (answered verifies/s, committed tokens/s), verify latency
 * percentiles, 429s (and the limit each one's message named), errors, wrong answers (a greedy answer that differs
 * from the reference computed first by one client alone with K = 0 verifies), the server's VmRSS before and after,
 * and whether the server's {@code /metrics} counters moved by exactly what the clients saw (verify rounds, drafted
 * and accepted tokens, 429s). Not a timed test: wall-clock numbers on whatever machine runs it.
 * <p>Usage: {@code LoadBench [key=value ...]} with keys {@code levels=1,2,4,8,16,32,64}, {@code seconds=10} (per
 * level), {@code k=4}, {@code tokens=48} (committed tokens per session, then delete and start over),
 * {@code prompts=8} (distinct built-in prompts, client i uses prompt i mod prompts), {@code target=stories15M-f32},
 * {@code threads=1} (server llama threads), {@code serveArgs=} (more {@code serve} options, space-separated, e.g.
 * {@code --max-queue 16}), {@code jar=cli/target/configspec.jar}, {@code csv=FILE} (one row per level);
 * {@code url=http://…} and {@code pid=N} attach to a running server instead of starting one.
 */
public final class LoadBench {
    private static final String ROUNDS = "configspec_verify_rounds_total";
    private static final String DRAFTED = "configspec_drafted_tokens_total";
    private static final String ACCEPTED = "configspec_accepted_tokens_total";
    private static final String TOO_MANY = "configspec_rejected_requests_total{status=\"429\"}";
    private static final String HEADER = "clients,seconds,verifies,verifies_per_s,tokens_per_s,p50_ms,p95_ms,p99_ms,"
            + "http_429,errors,wrong,sessions,rss_before_mib,rss_after_mib,metrics";

    private LoadBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        List<Integer> levels = BenchArgs.ints(a.getOrDefault("levels", "1,2,4,8,16,32,64"));
        int seconds = BenchArgs.integer(a, "seconds", 10);
        int k = BenchArgs.integer(a, "k", 4);
        int tokens = BenchArgs.integer(a, "tokens", 48);
        int promptCount = BenchArgs.integer(a, "prompts", 8);
        String target = a.getOrDefault("target", "stories15M-f32");
        String threads = a.getOrDefault("threads", "1");
        String extra = a.getOrDefault("serveArgs", "").trim();
        Path csv = a.containsKey("csv") ? Path.of(a.get("csv")) : null;
        List<String> serveArgs = new ArrayList<>(List.of("--model", target, "-t", threads));
        if (!extra.isEmpty()) {
            serveArgs.addAll(Arrays.asList(extra.split("\\s+")));
        }
        Path log = Files.createTempFile("bench-load-serve", ".log");
        try (ServerProcess server = a.containsKey("url")
                ? ServerProcess.attach(a.get("url"), Long.parseLong(a.getOrDefault("pid", "0")))
                : ServerProcess.start(Path.of(a.getOrDefault("jar", "cli/target/configspec.jar")), serveArgs, log)) {
            System.out.printf(Locale.ROOT, "LoadBench: %s at %s (pid %d, serve %s), %s, %d processors, load average %s;"
                            + " %d s per level, K = %d, %d tokens per session, %d prompts%n", target, server.url(),
                    server.pid(), String.join(" ", serveArgs), ProcSelf.cpuModel(),
                    Runtime.getRuntime().availableProcessors(), loadAverage(), seconds, k, tokens, promptCount);
            List<String> texts = PromptSource.builtin().prompts();
            List<String> prompts = new ArrayList<>();
            List<int[]> refs = new ArrayList<>();
            for (int i = 0; i < promptCount; i++) {
                prompts.add(texts.get(i % texts.size()));
                refs.add(reference(server.url(), prompts.get(i), tokens + k));
            }
            System.out.printf(Locale.ROOT, "%7s %9s %10s %9s %8s %8s %8s %6s %6s %6s %9s %9s  %s%n", "clients",
                    "verifies", "verifies/s", "tokens/s", "p50 ms", "p95 ms", "p99 ms", "429s", "errors", "wrong",
                    "RSS MiB<", "RSS MiB>", "/metrics = clients");
            List<String> rows = new ArrayList<>();
            for (int c : levels) {
                rows.add(level(server, prompts, refs, c, seconds, k, tokens));
            }
            System.out.printf(Locale.ROOT, "load average at the end %s; finished %s%n", loadAverage(), Instant.now());
            if (csv != null) {
                try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                    w.println(HEADER);
                    rows.forEach(w::println);
                }
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The target's greedy continuation of {@code text}: one client alone, {@code n} verifies with K = 0. */
    private static int[] reference(String url, String text, int n) throws Exception {
        try (HttpVerifierTransport http = new HttpVerifierTransport(url, null, Duration.ofSeconds(60))) {
            return ServeBench.targetAlone(http, new SessionRequest(null, text, null, null, null, null), n).tokens();
        }
    }

    /** One level: C clients for the given seconds; prints its row and returns it as CSV. */
    private static String level(ServerProcess server, List<String> prompts, List<int[]> refs, int clients, int seconds,
                                int k, int tokens) throws Exception {
        long rssBefore = server.rssBytes();
        Map<String, Double> before = server.metrics();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        LoadClient.Tally all = new LoadClient.Tally();
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(seconds).toNanos();
        try {
            List<Future<LoadClient.Tally>> fs = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                LoadClient client = new LoadClient(server.url(), prompts.get(i % prompts.size()),
                        refs.get(i % refs.size()), k, tokens);
                fs.add(pool.submit(() -> client.runUntil(deadline)));
            }
            for (Future<LoadClient.Tally> f : fs) {
                all.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> after = server.metrics();
        long rssAfter = server.rssBytes();
        String check = check(before, after, all);
        double[] lat = Arrays.copyOf(all.latencyMs, (int) all.verifies);
        Arrays.sort(lat);
        double mib = 1024.0 * 1024;
        System.out.printf(Locale.ROOT, "%7d %9d %10.1f %9.1f %8.1f %8.1f %8.1f %6d %6d %6d %9.1f %9.1f  %s%n", clients,
                all.verifies, all.verifies / wall, all.tokens / wall, pct(lat, 50), pct(lat, 95), pct(lat, 99),
                all.tooMany, all.errors, all.wrong, rssBefore / mib, rssAfter / mib, check);
        if (!all.refusedBy.isEmpty()) {
            System.out.println("        429s by the limit named in their message: " + all.refusedBy);
        }
        return String.format(Locale.ROOT, "%d,%.2f,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%.1f,%.1f,%s", clients, wall,
                all.verifies, all.verifies / wall, all.tokens / wall, pct(lat, 50), pct(lat, 95), pct(lat, 99),
                all.tooMany, all.errors, all.wrong, all.sessions, rssBefore / mib, rssAfter / mib,
                check.replace(',', ';'));
    }

    /** "ok" when the server's counters moved by what the clients saw, else each difference. */
    static String check(Map<String, Double> before, Map<String, Double> after, LoadClient.Tally seen) {
        StringBuilder b = new StringBuilder();
        differ(b, "verify rounds", delta(before, after, ROUNDS), seen.verifies);
        differ(b, "drafted", delta(before, after, DRAFTED), seen.drafted);
        differ(b, "accepted", delta(before, after, ACCEPTED), seen.accepted);
        differ(b, "429s", delta(before, after, TOO_MANY), seen.tooMany);
        return b.length() == 0 ? "ok" : b.toString().trim();
    }

    private static void differ(StringBuilder b, String what, long server, long clients) {
        if (server != clients) {
            b.append(String.format(Locale.ROOT, "%s: server %d, clients %d; ", what, server, clients));
        }
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return Math.round(after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0));
    }

    /** Nearest-rank percentile of sorted values (NaN when empty). */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
