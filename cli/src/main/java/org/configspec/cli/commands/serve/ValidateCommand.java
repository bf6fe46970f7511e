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
                + " and verify-time fit.")
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
            ModelStore store = ModelStore.defaultStore();
            try (LlamaModel t = LlamaModel.load(store.resolve(target));
                 LlamaModel d = LlamaModel.load(store.resolve(draft));
                 VerifierServer server = VerifierServer.start(VerifierConfig.defaults().withThreads(threads)
                         .withSessions(4, Duration.ofSeconds(300)), t)) {
                List<int[]> p = new ArrayList<>();
                for (String s : prompts.isEmpty() ? List.of("Once upon a time") : prompts) {
                    p.add(d.tokenize(s, true));
                }
                ClientOptions o = ClientOptions.defaults().withThreads(threads);
                ValidationReport r = new Validator(d, "127.0.0.1:" + server.port(), o).run(p, n, kMax, rttMs);
                PrintWriter out = spec.commandLine().getOut();
                out.print(r.table());
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
