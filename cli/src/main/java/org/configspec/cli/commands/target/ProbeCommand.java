package org.configspec.cli.commands.target;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.configspec.cli.options.TableOrJson;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.llm.LlmException;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.remote.CapabilityProbe;
import org.configspec.llm.remote.Endpoint;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.RemoteTargets;
import org.configspec.llm.remote.TargetApi;
import org.configspec.profile.align.PromptSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec target probe}: identifies the server at --url and tests each capability ConfigSpec relies on with
 * one tiny request (llm/remote/CapabilityProbe); with --draft, checks that the server's tokenizer gives the draft's
 * ids on the built-in prompts. Exit 0 when it answered, 2 on any failure or tokenizer mismatch (one line).
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Identify the serving engine at --url and test, one tiny request each, what ConfigSpec needs: "
                + "token-id prompts, ids back, fixed length, generated top-N and its largest N, prompt "
                + "log-probabilities, seed, tokenize; with --draft, compare its tokenizer with the draft's.")
public final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, description = "the server's base URL, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--api", defaultValue = "auto", paramLabel = "auto|llama-server|vllm|sglang|openai",
            description = "the server's API (auto: identify it)")
    TargetApi api;

    @Option(names = "--model", description = "the model name requests carry (default: the server's first model)")
    String model;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "environment variable holding the API key (sent as a bearer token, never printed)")
    String apiKeyEnv;

    @Option(names = "--draft", description = "a draft (default model name or GGUF path) whose tokenizer must give the "
            + "same ids as the server's on the built-in prompts")
    String draft;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "output format")
    TableOrJson format;

    @Override
    public Integer call() {
        Endpoint endpoint = Endpoint.of(url, api, model, apiKeyEnv);
        CapabilityProbe.Report report;
        try (LlamaModel d = draft == null ? null : loadDraft(); RemoteTarget target = RemoteTargets.open(endpoint)) {
            CapabilityProbe.TokenizerCheck tok = d == null ? null : CapabilityProbe.compareTokenizer(target, d, draft,
                    PromptSource.builtin().prompts());
            report = CapabilityProbe.probe(target, endpoint.url().toString(), CapabilityProbe.prompt(target, d), tok);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == TableOrJson.JSON ? MachineJson.write(MachineJson.report(), report) + "\n" : table(report));
        out.flush();
        return 0;
    }

    private LlamaModel loadDraft() {
        try {
            return LlamaModel.load(ModelStore.defaultStore().resolve(draft));
        } catch (LlmException e) {
            throw new ConfigSpecException("--draft " + draft + ": " + e.getMessage(), e);
        }
    }

    static String table(CapabilityProbe.Report r) {
        StringBuilder b = new StringBuilder();
        b.append("server: ").append(r.server()).append('\n').append("url:    ").append(r.url()).append("\n\n");
        String row = "%-26s %-9s %s%n";
        b.append(String.format(Locale.ROOT, row, "capability", "available", "detail"));
        for (CapabilityProbe.Check c : r.checks()) {
            b.append(String.format(Locale.ROOT, row, c.capability(), c.available() ? "yes" : "no", c.detail()));
        }
        if (r.tokenizer() != null) {
            b.append(String.format(Locale.ROOT, row, "same tokenizer as draft", "yes", r.tokenizer().prompts()
                    + " built-in prompts, " + r.tokenizer().tokens() + " tokens: the same ids as "
                    + r.tokenizer().draft()));
        }
        return b.toString();
    }
}
