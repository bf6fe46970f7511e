package org.configspec.cli.commands.serve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.serve.validate.ValidationRun;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec validate}: real greedy sessions at K = 1..K_max through the link emulator at each RTT against an
 * in-process verifier ({@link ValidationRun}); per-K table of measured vs predicted tokens per round and goodput,
 * best K measured vs predicted.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates the analytic model against real distributed speculative decoding: runs every K in"
                + " 1..--k-max through an emulated link at each --rtt against an in-process verifier and compares"
                + " measured goodput and tokens per round with the model fed by the measured acceptance, draft speed"
                + " and verify-time fit, or with --store by the stored acceptance and draft profiles (the verify-time"
                + " fit stays measured); also tokens per $ and, where the stored draft profile has power, J per token.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", defaultValue = "stories15M-f32", description = "target")
    String target;

    @Option(names = "--draft", defaultValue = "stories15M-q8_0-l5", description = "draft")
    String draft;

    @Option(names = "--rtt", split = ",", defaultValue = "0,50ms", paramLabel = "DURATION",
            description = "round trips to emulate")
    List<Duration> rtts = new ArrayList<>();

    @Option(names = "--k-max", defaultValue = "8", description = "largest K, 1..16")
    int kMax;

    @Option(names = "--prompt", showDefaultValue = Visibility.NEVER,
            description = "a prompt (repeatable; default: '" + ValidationRun.DEFAULT_PROMPT + "')")
    List<String> prompts = new ArrayList<>();

    @Option(names = "-n", defaultValue = "48", description = "tokens per run")
    int n;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", description = "llama threads of the verifier and the draft")
    int threads;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "Feed the model from stored profiles (acceptance of --draft against --target, draft speed and"
                    + " power of --draft on --device) instead of fitting them to these runs, and store the run as a"
                    + " \"validation\" document. URL: sqlite:PATH, a file path, or jdbc:postgresql://...; without one:"
                    + " $" + StoreLocation.ENV + ", else ~/.configspec/profiles.db.")
    String store;

    @Option(names = "--device", paramLabel = "NAME", description = "Device of the stored draft profile (with --store;"
            + " default: the only device in the store with this draft).")
    String device;

    @Option(names = "--price-output", defaultValue = "0.9", paramLabel = "$/M", description = "Output price in $ per"
            + " million tokens for tokens per $ (paper billing: K drafted tokens billed as output per round).")
    double priceOutput;

    @Override
    public Integer call() throws InterruptedException {
        ValidationRun.Request request = new ValidationRun.Request(target, draft, rtts, kMax, prompts, n, threads,
                store == null ? null : ProfileStores.resolve(store, System.getenv()), device, priceOutput);
        var out = spec.commandLine().getOut();
        out.print(ValidationRun.run(request).text());
        out.flush();
        return 0;
    }
}
