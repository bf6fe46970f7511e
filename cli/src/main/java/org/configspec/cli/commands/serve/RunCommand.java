package org.configspec.cli.commands.serve;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.configspec.cli.options.CpuOption;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.profile.power.MeterKind;
import org.configspec.profile.power.PowerMeter;
import org.configspec.profile.power.PowerMeterSpec;
import org.configspec.profile.power.PowerMeters;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.http.BearerToken;
import org.configspec.serve.client.EdgeRun;
import org.configspec.serve.client.PolicyKind;
import org.configspec.serve.metrics.EdgeEnergy;
import org.configspec.serve.metrics.EnergyMeter;
import org.configspec.serve.metrics.RunReport;
import org.configspec.store.ProfileStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec run}: the edge client ({@link EdgeRun}). Streams the committed text to stdout and the run's
 * report to stderr.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Generates text by distributed speculative decoding: drafts K tokens with a local draft model,"
                + " has a 'configspec serve' verifier check them, streams the committed text to stdout and prints a"
                + " summary (rounds, tokens, goodput, acceptance, bytes) on stderr. Survives verifier restarts and"
                + " dropped connections; falls back to local decoding when the verifier stays down."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--draft", required = true, description = "draft: a default model name or a GGUF path")
    String draft;

    @Option(names = "--verifier", required = true, description = "verifier URL, e.g. http://127.0.0.1:8470")
    String verifier;

    @Option(names = "--token", description = "bearer token of the verifier (visible in ps: prefer --token-file or"
            + " the CONFIGSPEC_TOKEN environment variable)")
    String token;

    @Option(names = "--token-file", description = "file whose first line is the verifier's bearer token")
    Path tokenFile;

    @Option(names = "--prompt", required = true, description = "prompt text")
    String prompt;

    @Option(names = "-n", defaultValue = "128", description = "tokens to generate")
    int n;

    @Option(names = "--k", defaultValue = "4", description = "draft tokens per round (fixed), or the start K of the"
            + " adaptive policies")
    int k;

    @Option(names = "--max-k", defaultValue = "8", description = "largest K of the adaptive policies")
    int maxK;

    @Option(names = "--policy", defaultValue = "fixed", paramLabel = "fixed|backoff|optimal|bandit|tracking",
            description = "how K is chosen")
    PolicyKind policy;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy; else sampling at this temperature")
    double temperature;

    @Option(names = "--draft-top-k", defaultValue = "40", description = "the draft samples from its top-k tokens,"
            + " 1..1024")
    int draftTopK;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the draws")
    long seed;

    @Option(names = "--fallback-after", defaultValue = "10s", paramLabel = "DURATION",
            description = "decode locally when the verifier is unreachable this long")
    Duration fallbackAfter;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", description = "per-request timeout")
    Duration timeout;

    @Option(names = "--pipeline", description = "greedy only: draft the next round while the verify is in flight,"
            + " guessing that all K are accepted and the verifier's token is the draft's own; used when the guess"
            + " holds, discarded otherwise (output unchanged; more drafting work). The analytic model assumes rounds"
            + " without it")
    boolean pipeline;

    @Option(names = {"-t", "--threads"}, description = "draft llama threads (default: processors, at most 4, at most"
            + " one per CPU of --cpus)")
    Integer threads;

    @Mixin
    CpuOption cpus;

    @Option(names = "--draft-slowdown", defaultValue = "1", paramLabel = "F",
            description = "emulate an edge device F times slower at drafting than this machine (1..1000): every draft"
                    + " decode lasts F times its duration here, the client waiting out the rest; tokens unchanged."
                    + " With the link emulator, reproduces a slow device's rounds on a fast machine")
    double draftSlowdown;

    @Option(names = "--rounds-csv", paramLabel = "FILE", description = "write every round (K, accepted, draft and"
            + " round-trip seconds, bytes) to this CSV file")
    Path roundsCsv;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "with --policy optimal: choose K from STORED profiles (acceptance of --draft against --target,"
                    + " draft speed on --device) and the measured round trip, instead of what this run observes")
    String store;

    @Option(names = "--device", paramLabel = "NAME", description = "device of the stored draft profile (with --store)")
    String device;

    @Option(names = "--target", defaultValue = "stories15M-f32", paramLabel = "M",
            description = "the verifier's target model, to find the stored acceptance (with --store)")
    String target;

    @Option(names = "--meter", paramLabel = "KIND",
            description = "power meter for the edge energy of the run: auto, rapl, pmic, hwmon, iio, tegrastats,"
                    + " battery, nvidia-smi, cpu-model (default: none, no energy line)")
    MeterKind meterKind;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ClientOptions options = new ClientOptions(temperature, draftTopK, seed, cpus.threads(threads),
                Duration.ofMillis(50), Duration.ofSeconds(1), fallbackAfter, pipeline, cpus.get(), draftSlowdown);
        if (meterKind != null && draftSlowdown != 1) {
            throw new ConfigSpecException("--meter with --draft-slowdown " + draftSlowdown + ": the meter would measure"
                    + " this machine waiting, not the emulated device drafting; allowed: one of the two");
        }
        EdgeRun.Request request = new EdgeRun.Request(draft, verifier,
                BearerToken.resolve(token, tokenFile, System.getenv()), prompt, n, policy, k, maxK, options,
                timeout, store == null ? null : ProfileStores.resolve(store, System.getenv()), device, target,
                roundsCsv);
        Utf8Sink out = new Utf8Sink(spec.commandLine().getOut());
        RunReport report;
        try (PowerMeter meter = meterKind == null ? null
                : PowerMeters.open(PowerMeterSpec.of(meterKind).withInterval(Duration.ofMillis(100)))) {
            report = EdgeRun.run(request, meter == null ? null : energyMeter(meter), out::write, msg -> {
                err.println("configspec run: " + msg);
                err.flush();
            });
        }
        out.finish();
        report.lines().forEach(l -> err.println("configspec run: " + l));
        err.println("configspec run: " + LlamaRuntime.get().describe());
        if (options.cpus() != null) {
            err.println("configspec run: drafting pinned to " + options.cpus().describe() + " (" + options.threads()
                    + " llama thread(s))");
        }
        if (options.draftSlowdown() != 1) {
            err.println("configspec run: drafting slowed " + options.draftSlowdown() + "x (an emulated device: each"
                    + " draft decode lasted " + options.draftSlowdown() + " times its time on this machine)");
        }
        err.flush();
        return 0;
    }

    /** The profile module's meter behind serve's energy seam. */
    private static EnergyMeter energyMeter(PowerMeter meter) {
        return () -> {
            PowerMeter.Window w = meter.start();
            return () -> {
                var e = w.stop();
                return new EdgeEnergy(e.joules(), e.seconds(), e.meanWatts(), e.samples(), meter.info().kind(),
                        meter.info().estimate());
            };
        };
    }
}
