package org.configspec.cli.commands.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.llm.cpu.CpuAffinity;
import org.configspec.llm.cpu.CpuSplit;
import org.configspec.sim.calibrate.CalibrationRun;
import org.configspec.sim.calibrate.VerifierCalibration;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configspec profile verifier}: the real verifier's service time per batch, measured and fitted ({@link CalibrationRun}). */
@Command(name = "verifier", mixinStandardHelpOptions = true,
        description = "Calibrate the simulator on the real verifier: an in-process verifier of --target serves S"
                + " concurrent protocol clients on loopback sending K drafted tokens per verify, for every S of"
                + " --sessions and K of -k (interleaved --repetitions times); the batch times the verifier reports are"
                + " fitted as service time = a + b × tokens + c × sessions (least squares, coefficients >= 0)."
                + " Prints the shapes and the fit; --store keeps it as a \"calibration\" document for"
                + " 'simulate --calibration store', --out writes it to a file for 'simulate --calibration FILE'.")
public final class VerifierCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", defaultValue = "stories15M-f32", paramLabel = "MODEL",
            description = "The verifier's target: a default model name or a GGUF path.")
    String target;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", description = "llama threads of the verifier, 1..256")
    int threads;

    @Option(names = "--sessions", split = ",", defaultValue = "1,2,4,8,16", paramLabel = "S,...",
            description = "Session counts per batch, 1..64.")
    List<Integer> sessions = new ArrayList<>();

    @Option(names = {"-k", "--k"}, split = ",", defaultValue = "1,2,4,8,16", paramLabel = "K,...",
            description = "Drafted tokens per verify, 1..64.")
    List<Integer> ks = new ArrayList<>();

    @Option(names = "--rounds", defaultValue = "8", description = "Recorded batches per visit to a shape (after "
            + VerifierCalibration.WARMUP_ROUNDS + " discarded).")
    int rounds;

    @Option(names = "--repetitions", defaultValue = "3", description = "Interleaved visits to every shape.")
    int repetitions;

    @Option(names = "--max-wait", defaultValue = "20ms", paramLabel = "DURATION",
            description = "How long a batch waits for the other clients' verifies.")
    Duration maxWait;

    @Option(names = "--pin", negatable = true, description = "Pin the verifier's decoding to its own CPU(s) (the first"
            + " ones, one per thread) and the clients to the others, as the validation runs them (Linux); default: on"
            + " when this process may use more CPUs than --threads.")
    Boolean pin;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "Store the calibration (sqlite:PATH, a path, or jdbc:postgresql://...; without URL: $"
                    + StoreLocation.ENV + ", else ~/.configspec/profiles.db).")
    String store;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the calibration document (JSON) to FILE.")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        VerifierCalibration.Request r = new VerifierCalibration.Request(target, threads, sessions, ks, rounds,
                repetitions, maxWait, CpuSplit.choose(pin, threads, CpuAffinity.system(), "--pin"));
        StoreLocation where = store == null ? null : ProfileStores.resolve(store.isEmpty() ? null : store, System.getenv());
        var o = spec.commandLine().getOut();
        o.print(CalibrationRun.run(r, where, out).text());
        o.flush();
        return 0;
    }
}
