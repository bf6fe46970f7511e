package org.configspec.cli.commands.profile;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.TableOrJson;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.profile.align.AlignJson;
import org.configspec.profile.align.AlignResult;
import org.configspec.profile.align.AlignSettings;
import org.configspec.profile.align.AlignTable;
import org.configspec.profile.align.AlignmentProfiler;
import org.configspec.profile.align.ProfilingModels;
import org.configspec.profile.align.PromptSource;
import org.configspec.profile.align.RemoteAlignment;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec profile align}: measures greedy acceptance α(K), E(K) and P(L ≥ i) of drafts against a target for
 * K = 1..K_max from one target pass per prompt. Exit 0 on success, 2 on bad input (one line on stderr).
 */
@Command(name = "align", mixinStandardHelpOptions = true,
        description = "Profile acceptance (alignment) of draft models against a target: alpha(K) with intervals, "
                + "E(K), per-position acceptance, for every K up to --k-max from one target pass per prompt.")
public final class AlignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", description = "target: a default model name or a GGUF path (with --target-url: the"
            + " name the target's profile carries; default the server's model id)")
    String target;

    @Mixin
    TargetUrlOptions remote;

    @Option(names = "--top-n", paramLabel = "N", description = "with --target-url: log-probabilities listed per "
            + "generated position for sampling-mode bounds (default 20 with --temperature, else 0)")
    Integer topN;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL", description = "with "
            + "--target-url: record each remote continuation in this profile store's run log as it arrives, so that an"
            + " interrupted run resumes (without URL: $CONFIGSPEC_STORE, else ~/.configspec/profiles.db)")
    String store;

    @Option(names = "--draft", required = true, showDefaultValue = Visibility.NEVER,
            description = "draft: a default model name or a GGUF path (repeatable)")
    List<String> drafts = new ArrayList<>();

    @Option(names = "--k-max", defaultValue = "10", description = "largest K, 1..64")
    int kMax;

    @Option(names = "--headline-k", description = "K whose alpha interval --until-ci watches (default: min(4, --k-max))")
    Integer headlineK;

    @Option(names = "--tokens", defaultValue = "128", description = "target continuation tokens per prompt ")
    int tokens;

    @Option(names = "--prompts", paramLabel = "builtin|dolly|FILE", description = "builtin (the TinyStories openings),"
            + " dolly (Dolly 15k, built in: a sample of --max-prompts drawn with --seed), or a prompt file: one prompt"
            + " per line ('#' lines skipped), or JSON Lines (.jsonl)")
    String promptsFile;

    @Option(names = "--prompt", showDefaultValue = Visibility.NEVER,
            description = "a prompt (repeatable); default: the built-in TinyStories openings")
    List<String> prompts = new ArrayList<>();

    @Option(names = "--until-ci", description = "stop adding prompts when the 95%% interval half-width of alpha at the "
            + "headline K is <= W (a fraction in (0, 1))")
    Double untilCi;

    @Option(names = "--min-prompts", defaultValue = "5", description = "fewest prompts before --until-ci may stop ")
    int minPrompts;

    @Option(names = "--max-prompts", defaultValue = "1000", description = "most prompts used")
    int maxPrompts;

    @Option(names = "--temperature", description = "also report sampling-mode expected acceptance at this temperature"
            + " (> 0; full softmax, no top-k/top-p)")
    Double temperature;

    @Option(names = "--seed", defaultValue = "42", description = "bootstrap seed")
    long seed;

    @Option(names = {"-t", "--threads"}, defaultValue = "2", description = "CPU threads, 1..256")
    int threads;

    @Option(names = "--target-pass", defaultValue = "speculative", paramLabel = "speculative|greedy",
            description = "how the one target pass per prompt runs: a speculative run at --k-max with the first draft"
                    + " as pilot (fewest target decodes) or plain greedy generation (fewest target tokens)")
    AlignSettings.TargetPassKind targetPass;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "output format")
    TableOrJson format;

    @Override
    public Integer call() {
        AlignSettings s = settings();
        PromptSource source = prompts();
        AlignResult r;
        if (remote.given()) {
            r = remote(s, source);
        } else {
            if (target == null) {
                throw new ConfigSpecException("--target or --target-url: one is needed (a local GGUF, or a serving "
                        + "engine's URL)");
            }
            try (ProfilingModels models = new ProfilingModels(ModelStore.defaultStore(), target, drafts, threads)) {
                r = new AlignmentProfiler(models.target(), models.targetRef(), models.drafts(), s)
                        .run(source.prompts(), source.description());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == TableOrJson.JSON ? AlignJson.render(r) + "\n" : AlignTable.render(r));
        out.flush();
        return 0;
    }

    private AlignResult remote(AlignSettings s, PromptSource source) {
        int n = topN != null ? topN : temperature != null ? 20 : 0;
        PrintWriter err = spec.commandLine().getErr();
        try (RemoteTarget t = remote.open();
             ProfilingModels models = ProfilingModels.draftsOnly(ModelStore.defaultStore(), drafts, threads);
             ProfileStore st = store == null ? null
                     : ProfileStores.open(ProfileStores.resolve(store.isEmpty() ? null : store, System.getenv()))) {
            return RemoteAlignment.run(new RemoteAlignment.Remote(t, remote.endpoint().url().toString(), target, n),
                    models.drafts(), s, source.prompts(), source.description(), st, step -> {
                        err.print("\rconfigspec profile align: target request " + step);
                        err.flush();
                    });
        } finally {
            err.println();
            err.flush();
        }
    }

    private AlignSettings settings() {
        if (threads < 1 || threads > 256) {
            throw new ConfigSpecException("--threads = " + threads + ": allowed 1..256");
        }
        SamplingParams sampling = null;
        if (temperature != null) {
            if (!(temperature > 0 && temperature <= 100)) {
                throw new ConfigSpecException("--temperature = " + temperature + ": allowed (0, 100]");
            }
            sampling = new SamplingParams(temperature, 0, 1.0, seed);
        }
        int k = headlineK != null ? headlineK : Math.min(4, Math.max(1, kMax));
        return new AlignSettings(kMax, tokens, k, sampling, seed, threads, untilCi == null ? Double.NaN : untilCi,
                minPrompts, maxPrompts, targetPass);
    }

    private PromptSource prompts() {
        if (promptsFile != null && !prompts.isEmpty()) {
            throw new ConfigSpecException("--prompts and --prompt given together: allowed one of them");
        }
        if (promptsFile != null) {
            return PromptSource.named(promptsFile, null, maxPrompts, seed);
        }
        return prompts.isEmpty() ? PromptSource.builtin() : PromptSource.inline(prompts);
    }
}
