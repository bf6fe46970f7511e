package org.configspec.cli.commands.serve;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.KPolicy;
import org.configspec.serve.link.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec run}: the edge client. Streams the committed text to stdout and a summary to stderr. Exit 2
 * with one line on bad flags or a verifier that refuses the requests.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Generates text by distributed speculative decoding: drafts K tokens with a local draft model,"
                + " has a 'configspec serve' verifier check them, streams the committed text to stdout and prints a"
                + " summary (rounds, tokens, goodput, acceptance, bytes) on stderr. Survives verifier restarts and"
                + " dropped connections; falls back to local decoding when the verifier stays down."})
public final class RunCommand implements Callable<Integer> {
    static final int USER_ERROR = 2;

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
    java.nio.file.Path tokenFile;

    @Option(names = "--prompt", required = true, description = "prompt text")
    String prompt;

    @Option(names = "-n", defaultValue = "128", description = "tokens to generate (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--k", defaultValue = "4", description = "draft tokens per round (fixed), or the start K of the"
            + " adaptive policies (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--max-k", defaultValue = "8", description = "largest K of the adaptive policies"
            + " (default: ${DEFAULT-VALUE})")
    int maxK;

    @Option(names = "--policy", defaultValue = "fixed", paramLabel = "fixed|backoff|optimal",
            description = "how K is chosen (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy; else sampling at this temperature"
            + " (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--draft-top-k", defaultValue = "40", description = "the draft samples from its top-k tokens,"
            + " 1..1024 (default: ${DEFAULT-VALUE})")
    int draftTopK;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the draws (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fallback-after", defaultValue = "10s", description = "decode locally when the verifier is"
            + " unreachable this long (default: ${DEFAULT-VALUE})")
    String fallbackAfter;

    @Option(names = "--timeout", defaultValue = "30s", description = "per-request timeout (default: ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = {"-t", "--threads"}, description = "draft llama threads (default: processors, at most 4)")
    Integer threads;

    @Option(names = "--rounds-csv", paramLabel = "FILE", description = "write every round (K, accepted, draft and"
            + " round-trip seconds, bytes) to this CSV file")
    java.nio.file.Path roundsCsv;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL",
            description = "with --policy optimal: choose K from STORED profiles (acceptance of --draft against --target,"
                    + " draft speed on --device) and the measured round trip, instead of what this run observes")
    String store;

    @Option(names = "--device", paramLabel = "NAME", description = "device of the stored draft profile (with --store)")
    String device;

    @Option(names = "--target", defaultValue = "stories15M-f32", paramLabel = "M",
            description = "the verifier's target model, to find the stored acceptance (with --store; default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--meter", defaultValue = "none", paramLabel = "KIND",
            description = "power meter for the edge energy of the run: none, auto, rapl, pmic, hwmon, iio, tegrastats,"
                    + " battery, nvidia-smi, cpu-model (default: ${DEFAULT-VALUE})")
    String meterKind;

    private org.configspec.profile.power.PowerMeter openMeter() {
        if (meterKind.equalsIgnoreCase("none")) {
            return null;
        }
        return org.configspec.profile.power.PowerMeters.open(org.configspec.profile.power.PowerMeterSpec.of(
                org.configspec.profile.power.MeterKind.parse(meterKind, "--meter")).withInterval(Duration.ofMillis(100)));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!(n >= 1)) {
                throw new ConfigSpecException("-n = " + n + ": allowed >= 1");
            }
            KPolicy p = KPolicy.parse(policy, k, Math.max(k, maxK));
            if (store != null) {
                if (!(p instanceof org.configspec.serve.client.OptimalK)) {
                    throw new ConfigSpecException("--store chooses K from stored profiles: use it with --policy optimal");
                }
                var in = StoredProfiles.load(org.configspec.store.ProfileStores.resolve(store.isEmpty() ? null : store,
                        System.getenv()), device, draft, target).inputs();
                p = new org.configspec.serve.client.ProfiledOptimalK(in.acceptance(), in.iidFallback(),
                        in.draftTokensPerSecond(), k, Math.max(k, maxK));
            } else if (device != null) {
                throw new ConfigSpecException("--device needs --store (it picks the stored draft profile)");
            }
            ClientOptions options = new ClientOptions(temperature, draftTopK, seed,
                    threads == null ? ContextOptions.defaultThreads() : threads, Duration.ofMillis(50),
                    Duration.ofSeconds(1), Durations.parse(fallbackAfter, "--fallback-after"));
            Duration requestTimeout = Durations.parse(timeout, "--timeout");
            String secret = org.configspec.serve.http.BearerToken.resolve(token, tokenFile, System.getenv());
            try (LlamaModel m = LlamaModel.load(ModelStore.defaultStore().resolve(draft));
                 HttpVerifierTransport t = new HttpVerifierTransport(verifier, secret, requestTimeout)) {
                Utf8Sink out = new Utf8Sink(spec.commandLine().getOut());
                EdgeClient client = new EdgeClient(m, t, options, msg -> {
                    err.println("configspec run: " + msg);
                    err.flush();
                });
                int[] promptIds = m.tokenize(prompt, true);
                org.configspec.profile.power.PowerMeter meter = openMeter();
                org.configspec.profile.power.PowerMeter.Window window = meter == null ? null : meter.start();
                EdgeClient.Result r = client.run(promptIds, n, p, tok -> out.write(m.piece(tok)));
                var energy = window == null ? null : window.stop();
                out.finish();
                err.println("configspec run: policy " + p.name() + "; " + r.summary().describe());
                var billed = org.configspec.serve.metrics.BilledTokens.of(r.summary().roundRecords(), promptIds.length);
                err.println("configspec run: " + billed.describe());
                if (energy != null) {
                    var info = meter.info();
                    err.println(String.format(java.util.Locale.ROOT, "configspec run: edge energy %.3f J over %.3f s"
                            + " (%.4f J/token, mean %.2f W, n=%d) by %s%s", energy.joules(), energy.seconds(),
                            energy.joules() / Math.max(1, r.summary().tokens()), energy.meanWatts(), energy.samples(),
                            info.kind(), info.estimate() ? " (ESTIMATE, not a measurement)" : ""));
                    meter.close();
                }
                err.flush();
                if (roundsCsv != null) {
                    try {
                        java.nio.file.Files.writeString(roundsCsv,
                                org.configspec.serve.metrics.RoundCsv.render(r.summary().roundRecords()));
                    } catch (java.io.IOException e) {
                        throw new ConfigSpecException("--rounds-csv " + roundsCsv + ": cannot write (" + e.getMessage()
                                + ")");
                    }
                }
            }
            return 0;
        } catch (ConfigSpecException | LlmException | IllegalArgumentException e) {
            err.println("configspec run: " + ServeCommand.oneLine(e.getMessage()));
            err.flush();
            return USER_ERROR;
        }
    }
}
