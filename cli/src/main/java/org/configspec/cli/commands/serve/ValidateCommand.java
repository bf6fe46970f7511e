package org.configspec.cli.commands.serve;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.link.Durations;
import org.configspec.serve.validate.ValidationReport;
import org.configspec.serve.validate.Validator;
import org.configspec.serve.verifier.VerifierConfig;
import org.configspec.serve.verifier.VerifierServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec validate}: real greedy sessions at K = 1..K_max through the link emulator at each RTT against an
 * in-process verifier; per-K table of measured vs predicted tokens per round and goodput, best K measured vs
 * predicted. Exit 2 with one line on bad flags.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates the analytic model against real distributed speculative decoding: runs every K in"
                + " 1..--k-max through an emulated link at each --rtt against an in-process verifier and compares"
                + " measured goodput and tokens per round with the model fed by the measured acceptance, draft speed"
                + " and verify-time fit, or with --store by the stored acceptance and draft profiles (the verify-time"
                + " fit stays measured); also tokens per $ and, where the stored draft profile has power, J per token.")
public final class ValidateCommand implements Callable<Integer> {
    static final int USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", defaultValue = "stories15M-f32", description = "target (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--draft", defaultValue = "stories15M-q8_0-l5", description = "draft (default: ${DEFAULT-VALUE})")
    String draft;

    @Option(names = "--rtt", split = ",", defaultValue = "0,50ms", description = "round trips to emulate"
            + " (default: ${DEFAULT-VALUE})")
    List<String> rtts = new ArrayList<>();

    @Option(names = "--k-max", defaultValue = "8", description = "largest K, 1..16 (default: ${DEFAULT-VALUE})")
    int kMax;

    @Option(names = "--prompt", description = "a prompt (repeatable; default: 'Once upon a time')")
    List<String> prompts = new ArrayList<>();

    @Option(names = "-n", defaultValue = "48", description = "tokens per run (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", description = "llama threads of the verifier and the draft"
            + " (default: ${DEFAULT-VALUE})")
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
            + " million tokens for tokens per $ (paper billing: K drafted tokens billed as output per round;"
            + " default: ${DEFAULT-VALUE}).")
    double priceOutput;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (kMax < 1 || kMax > 16) {
                throw new ConfigSpecException("--k-max = " + kMax + ": allowed 1..16");
            }
            if (n < 2) {
                throw new ConfigSpecException("-n = " + n + ": allowed >= 2");
            }
            List<Double> rttMs = new ArrayList<>();
            for (String r : rtts) {
                rttMs.add(Durations.parse(r, "--rtt").toNanos() / 1e6);
            }
            if (!(priceOutput > 0)) {
                throw new ConfigSpecException("--price-output = " + priceOutput + ": must be > 0");
            }
            if (device != null && store == null) {
                throw new ConfigSpecException("--device needs --store (it picks the stored draft profile)");
            }
            StoredProfiles stored = store == null ? null
                    : StoredProfiles.load(ProfileStores.resolve(store, System.getenv()), device, draft, target);
            ModelStore models = ModelStore.defaultStore();
            try (LlamaModel t = LlamaModel.load(models.resolve(target));
                 LlamaModel d = LlamaModel.load(models.resolve(draft));
                 VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(threads)
                         .withSessions(4, Duration.ofSeconds(300)), t)) {
                List<int[]> p = new ArrayList<>();
                for (String s : prompts.isEmpty() ? List.of("Once upon a time") : prompts) {
                    p.add(d.tokenize(s, true));
                }
                ClientOptions o = ClientOptions.defaults().withThreads(threads);
                ValidationReport r = new Validator(d, "127.0.0.1:" + server.port(), o).run(p, n, kMax, rttMs,
                        stored == null ? null : stored.inputs(), priceOutput);
                PrintWriter out = spec.commandLine().getOut();
                out.print(r.table());
                if (stored != null) {
                    String id = stored.save(r, d.info().sha256(), t.info().sha256(), threads, n, p.size());
                    out.println("stored as " + id + " in " + stored.location());
                }
                out.flush();
            }
            return 0;
        } catch (ConfigSpecException | LlmException | IllegalArgumentException e) {
            err.println("configspec validate: " + ServeCommand.oneLine(e.getMessage()));
            err.flush();
            return USER_ERROR;
        }
    }
}
