package org.configspec.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.sim.calibrate.CalibrationRun;
import org.configspec.sim.calibrate.CalibrationSource;
import org.configspec.sim.calibrate.VerifierCalibration;
import org.configspec.sim.validate.SimValidation;
import org.configspec.store.CalibrationDocument;

/**
 * The simulator against real runs ({@code scripts/bench-simval}): calibrates the real verifier (or reads a
 * calibration), then runs real edge clients through the link emulator at each client count and RTT and the
 * simulator fed by the calibration and the measured draft speed, acceptance and network time
 * ({@link SimValidation}); prints the calibration and the real-versus-simulated table. Wall-clock numbers on whatever
 * machine runs it: a benchmark, not a test.
 * <p>Usage: {@code SimValBench [key=value ...]}: {@code target=stories15M-f32}, {@code draft=stories15M-q8_0-l5},
 * {@code threads=1}, {@code clients=1,4,16}, {@code rtt=0,20,100} (ms), {@code k=4}, {@code tokens=48} (per client),
 * {@code maxBatch=16}, {@code maxWaitMs=5}, {@code simulated=300} (s per point), {@code seed=1};
 * {@code cal=store|store:URL|FILE} to use a stored calibration instead of measuring one, else
 * {@code sessions=1,2,4,8,16},
 * {@code ks=1,2,4,8}, {@code rounds=6}, {@code reps=2}, {@code out=FILE} (write the measured calibration);
 * {@code quick=1} for a short run (sessions 1,4,16, K 2,4,8, 4 rounds, 1 repetition, 32 tokens per client);
 * {@code pin=1|0}: the verifier's decoding on its own CPU and the clients on the others, in the calibration and the
 * runs (default: pinned when the machine has a CPU more than the verifier's threads).
 */
public final class SimValBench {
    private SimValBench() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = BenchArgs.parse(argv);
        boolean quick = "1".equals(a.get("quick"));
        String target = a.getOrDefault("target", "stories15M-f32");
        int threads = BenchArgs.integer(a, "threads", 1);
        CpuSplit pinning = BenchArgs.pinning(a, threads);
        System.out.println(CpuSplit.describe(pinning));
        CalibrationDocument cal;
        if (a.containsKey("cal")) {
            cal = CalibrationSource.load(a.get("cal"), System.getenv());
        } else {
            VerifierCalibration.Request cr = new VerifierCalibration.Request(target, threads,
                    BenchArgs.ints(a.getOrDefault("sessions", quick ? "1,4,16" : "1,2,4,8,16")),
                    BenchArgs.ints(a.getOrDefault("ks", quick ? "2,4,8" : "1,2,4,8")),
                    BenchArgs.integer(a, "rounds", quick ? 4 : 6), BenchArgs.integer(a, "reps", quick ? 1 : 2),
                    Duration.ofMillis(20), pinning);
            Path out = a.containsKey("out") ? Path.of(a.get("out")) : null;
            CalibrationRun.Result res = CalibrationRun.run(cr, null, out);
            System.out.print("calibration (configspec profile verifier):\n" + res.text() + "\n");
            cal = res.document();
        }
        SimValidation.Request r = new SimValidation.Request(target, a.getOrDefault("draft", "stories15M-q8_0-l5"),
                threads, BenchArgs.ints(a.getOrDefault("clients", "1,4,16")),
                BenchArgs.ints(a.getOrDefault("rtt", "0,20,100")), BenchArgs.integer(a, "k", 4),
                BenchArgs.integer(a, "tokens", quick ? 32 : 48), BenchArgs.integer(a, "maxBatch", 16),
                Duration.ofMillis(BenchArgs.integer(a, "maxWaitMs", 5)),
                Duration.ofSeconds(BenchArgs.integer(a, "simulated", 300)), BenchArgs.integer(a, "seed", 1), pinning);
        System.out.print(SimValidation.run(r, cal).table());
    }
}
