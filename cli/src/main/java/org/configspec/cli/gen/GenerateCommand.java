package org.configspec.cli.gen;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.cli.models.LlmCommands;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.Generator;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaRuntime;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec generate}: streams the model's continuation of a prompt to stdout (text only); the library used
 * and a tok/s summary go to stderr. Temperature 0 (the default) is greedy.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text with a model (greedy by default); text on stdout, speed summary on stderr.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true,
            description = "a default model name (e.g. stories15M-f32) or a GGUF path")
    String model;

    @Option(names = {"-p", "--prompt"}, required = true, description = "prompt text")
    String prompt;

    @Option(names = "-n", defaultValue = "64", description = "tokens to generate, 1..100000")
    int tokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy, up to 100")
    double temperature;

    @Option(names = "--top-k", defaultValue = "40", description = "top-k when sampling, 0 = off")
    int topK;

    @Option(names = "--top-p", defaultValue = "0.95", description = "top-p when sampling, (0,1]")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "random seed for sampling")
    long seed;

    @Option(names = {"-t", "--threads"}, description = "CPU threads, 1..256 (default: available processors, at most 4)")
    Integer threads;

    @Option(names = "--ctx", defaultValue = "0", description = "context positions, 0 = the model's")
    int contextSize;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            if (tokens < 1 || tokens > 100_000) {
                throw LlmCommands.badValue("-n", tokens, "1..100000");
            }
            if (threads != null && (threads < 1 || threads > 256)) {
                throw LlmCommands.badValue("--threads", threads, "1..256");
            }
            if (contextSize < 0) {
                throw LlmCommands.badValue("--ctx", contextSize, "0 (the model's) or a positive count");
            }
            SamplingParams sp;
            try {
                sp = new SamplingParams(temperature, topK, topP, seed);
            } catch (IllegalArgumentException e) {
                throw new ConfigSpecException("--" + e.getMessage());
            }
            var path = ModelStore.defaultStore().resolve(model);
            PrintStream err = System.err;
            PrintStream out = System.out;
            ContextOptions o = ContextOptions.defaults().withContextSize(contextSize);
            if (threads != null) {
                o = o.withThreads(threads);
            }
            try (LlamaModel m = LlamaModel.load(path); LlamaSession s = m.newSession(o)) {
                err.println("generate: " + LlamaRuntime.get().describe());
                int[] promptTokens = m.tokenize(prompt, true);
                Generator.Result r = Generator.generate(s, promptTokens, tokens, new Sampler(sp), t -> {
                    byte[] piece = m.piece(t);
                    out.write(piece, 0, piece.length);
                    out.flush();
                });
                out.println();
                out.flush();
                err.println(String.format(Locale.ROOT,
                        "generate: %d tokens, %.1f tok/s decode (%d single-token steps in %.3f s); prompt %d tokens "
                                + "in %.1f ms; model %s, %d threads, %s",
                        r.tokens().length, r.decodeTokensPerSecond(), Math.max(0, r.tokens().length - 1),
                        r.generateNanos() / 1e9, promptTokens.length, r.promptNanos() / 1e6, path.getFileName(),
                        o.threads(), sp.isGreedy() ? "greedy" : String.format(Locale.ROOT,
                                "temperature %.2f top-k %d top-p %.2f seed %d", temperature, topK, topP, seed)));
            }
            return 0;
        });
    }
}
