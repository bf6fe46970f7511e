package org.configspec.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.configspec.core.stats.Median;

/**
 * Where a plain round's time goes, for several builds side by side: real {@code configspec serve} and {@code
 * configspec run} processes of each application jar on loopback (RTT 0), greedy, fixed K. Per repetition and jar, in
 * turn: a fresh {@code serve} (its start-up included, as a user starts it), one warm-up {@code run}, then {@code runs=}
 * runs, each writing its rounds CSV. From every run, round 1 (session creation and both prompt prefills) left out:
 * the median drafting time of a round, the verifier's own time ({@code verifier_s}: queueing and decoding), the time
 * outside it ({@code round_trip_s − verifier_s}: HTTP, JSON, thread hand-offs on both sides), and the decode-phase
 * goodput (Σ committed / Σ (drafting + round trip)). Prints per jar the medians over all its runs and its goodput
 * against the first jar's, the named baseline.
 * <p>Usage: {@code RoundOverheadBench jars=A.jar,B.jar [labels=a,b] [reps=5] [runs=3] [n=128] [k=4] [threads=1]
 * [target=stories15M-f32] [draft=stories15M-q8_0]}; {@code scripts/bench-round-ab} builds a baseline commit's jar and
 * runs it against this checkout's.
 */
public final class RoundOverheadBench {
    private static final String PROMPT = "Once upon a time";

    private RoundOverheadBench() {
    }

    /** One run's medians over its rounds 2..: drafting, verifier and outside ms, and its decode-phase goodput. */
    record RunStats(double draftMs, double verifierMs, double outsideMs, double goodput) {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = BenchArgs.parse(argv);
        List<Path> jars = Arrays.stream(args.getOrDefault("jars", "cli/target/configspec.jar").split(","))
                .map(Path::of).toList();
        List<String> labels = args.containsKey("labels") ? List.of(args.get("labels").split(","))
                : jars.stream().map(p -> p.getFileName().toString()).toList();
        if (labels.size() != jars.size()) {
            throw new IllegalArgumentException("labels=: " + labels.size() + " labels for " + jars.size() + " jars");
        }
        for (Path j : jars) {
            if (!Files.isRegularFile(j)) {
                throw new IllegalArgumentException("jars=: no file " + j);
            }
        }
        int reps = BenchArgs.integer(args, "reps", 5);
        int runs = BenchArgs.integer(args, "runs", 3);
        int n = BenchArgs.integer(args, "n", 128);
        int k = BenchArgs.integer(args, "k", 4);
        int threads = BenchArgs.integer(args, "threads", 1);
        String target = args.getOrDefault("target", "stories15M-f32");
        String draft = args.getOrDefault("draft", "stories15M-q8_0");
        List<String> client = List.of("--draft", draft, "--k", Integer.toString(k), "-n", Integer.toString(n), "-t",
                Integer.toString(threads), "--prompt", PROMPT);
        System.out.printf(Locale.ROOT, "serve + run on loopback (RTT 0): target %s, draft %s, K %d, %d tokens, %d"
                + " thread(s) each; per repetition and jar a fresh serve, one warm-up run, then %d runs; rounds 2.. of"
                + " each run; medians over %d runs per jar%n", target, draft, k, n, threads, runs, reps * runs);
        List<List<RunStats>> stats = new ArrayList<>();
        jars.forEach(j -> stats.add(new ArrayList<>()));
        Path log = Files.createTempFile("round-overhead-serve", ".log");
        Path csv = Files.createTempFile("round-overhead-rounds", ".csv");
        try {
            for (int r = 0; r < reps; r++) {
                for (int j = 0; j < jars.size(); j++) {
                    Path jar = jars.get(j);
                    try (ServerProcess server = ServerProcess.start(jar, List.of("--model", target, "-t",
                            Integer.toString(threads)), log)) {
                        run(jar, server.url(), client, csv);
                        for (int i = 0; i < runs; i++) {
                            run(jar, server.url(), client, csv);
                            stats.get(j).add(stats(csv));
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(csv);
        }
        System.out.printf(Locale.ROOT, "%-24s %9s %12s %11s %14s %10s%n", "jar", "draft ms", "verifier ms", "outside ms",
                "goodput tok/s", "goodput vs " + labels.get(0));
        double base = goodput(stats.get(0));
        for (int j = 0; j < jars.size(); j++) {
            List<RunStats> s = stats.get(j);
            System.out.printf(Locale.ROOT, "%-24s %9.2f %12.2f %11.2f %14.1f %9.2fx%n", labels.get(j),
                    median(s, RunStats::draftMs), median(s, RunStats::verifierMs), median(s, RunStats::outsideMs),
                    goodput(s), goodput(s) / base);
        }
    }

    private static double goodput(List<RunStats> s) {
        return median(s, RunStats::goodput);
    }

    private static double median(List<RunStats> s, java.util.function.ToDoubleFunction<RunStats> f) {
        return Median.of(s.stream().mapToDouble(f).toArray());
    }

    private static void run(Path jar, String url, List<String> client, Path csv) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "run", "--verifier", url, "--rounds-csv", csv.toString()));
        cmd.addAll(client);
        NativeTools.run(cmd, null);
    }

    /** The medians of one run's rounds CSV, round 1 left out. */
    static RunStats stats(Path csv) throws java.io.IOException {
        RoundsCsv r = RoundsCsv.read(csv);
        if (r.rounds() < 1) {
            throw new IllegalStateException("rounds CSV " + csv + " holds no round after the first");
        }
        return new RunStats(Median.of(r.draftMs()), Median.of(r.verifierMs()), Median.of(r.outsideMs()),
                r.decodeGoodput());
    }
}
