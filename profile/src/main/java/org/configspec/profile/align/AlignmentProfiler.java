package org.configspec.profile.align;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Interval;
import org.configspec.llm.engine.InferenceEngine;

/**
 * Acceptance profiling of one target against one or more drafts. Per prompt: ONE target pass (by default a real greedy
 * speculative run at K_max with the first draft as pilot, {@link SpeculativeTargetPass}; or plain greedy generation,
 * {@link GreedyTargetPass}) gives the target's
 * continuation; ONE teacher-forced pass per draft ({@link DraftPass}) gives its alignment; every K = 1..K_max is then
 * replayed from it ({@link GreedyReplay}). With {@code untilCi} set, prompts are added until every draft's α at the
 * headline K has a bootstrap interval half-width ≤ untilCi (at least minPrompts, at most maxPrompts).
 * Not thread-safe (drives the engines).
 */
public final class AlignmentProfiler {

    /** A draft to profile: what it is and the engine that runs it. */
    public record Draft(ModelRef ref, InferenceEngine engine) {
    }

    private final InferenceEngine target;
    private final ModelRef targetRef;
    private final List<Draft> drafts;
    private final AlignSettings settings;
    private final TargetPass remotePass;
    private final RemoteProvenance remote;

    public AlignmentProfiler(InferenceEngine target, ModelRef targetRef, List<Draft> drafts, AlignSettings settings) {
        this(target, targetRef, drafts, settings, null, null);
    }

    private AlignmentProfiler(InferenceEngine target, ModelRef targetRef, List<Draft> drafts, AlignSettings settings,
                              TargetPass remotePass, RemoteProvenance remote) {
        if (drafts.isEmpty()) {
            throw new ConfigSpecException("--draft: at least one draft model is needed, got none");
        }
        this.target = target;
        this.targetRef = targetRef;
        this.drafts = List.copyOf(drafts);
        this.settings = settings;
        this.remotePass = remotePass;
        this.remote = remote;
    }

    /**
     * Profiling against a target on a serving engine whose continuations {@code pass} serves (fetched one request per
     * prompt, {@link RemoteContinuations}); prompts are tokenized with the first draft's tokenizer (the same
     * vocabulary as the target's, which the caller checks).
     */
    public static AlignmentProfiler remote(ModelRef targetRef, List<Draft> drafts, AlignSettings settings,
                                           TargetPass pass, RemoteProvenance remote) {
        return new AlignmentProfiler(null, targetRef, drafts, settings, pass, remote);
    }

    public AlignResult run(List<String> prompts, String source) {
        if (prompts.isEmpty()) {
            throw new ConfigSpecException("prompts from " + source + ": none given; allowed: at least one prompt");
        }
        Bootstrap bootstrap = Bootstrap.defaults(settings.seed());
        TargetPass pass = remotePass != null ? remotePass
                : settings.targetPass() == AlignSettings.TargetPassKind.GREEDY
                ? new GreedyTargetPass(target, settings.sampling())
                : new SpeculativeTargetPass(target, drafts.get(0).engine(), settings.kMax(), settings.sampling());
        List<DraftPass> draftPasses = drafts.stream().map(d -> new DraftPass(d.engine(), settings.sampling())).toList();
        List<List<Alignment>> alignments = new ArrayList<>();
        drafts.forEach(d -> alignments.add(new ArrayList<>()));
        int limit = Math.min(prompts.size(), settings.maxPrompts());
        String stop = "all " + limit + " prompts used";
        int used = 0;
        for (int i = 0; i < limit; i++) {
            int[] tokens = tokenize(prompts.get(i));
            Continuation c = pass.continuation(tokens, settings.tokens());
            for (int d = 0; d < drafts.size(); d++) {
                alignments.get(d).add(draftPasses.get(d).align(c));
            }
            used++;
            if (settings.stopsOnInterval() && used >= settings.minPrompts() && narrowEnough(alignments, bootstrap)) {
                stop = String.format(Locale.ROOT, "alpha(K=%d) 95%% interval half-width <= %.4f after %d prompts",
                        settings.headlineK(), settings.untilCi(), used);
                break;
            }
        }
        if (settings.stopsOnInterval() && used == limit && !stop.startsWith("alpha")) {
            stop = String.format(Locale.ROOT, "alpha(K=%d) interval half-width not <= %.4f after all %d prompts",
                    settings.headlineK(), settings.untilCi(), used);
        }
        List<DraftAcceptance> out = new ArrayList<>();
        for (int d = 0; d < drafts.size(); d++) {
            out.add(new DraftAcceptance(drafts.get(d).ref(),
                    AcceptanceStatistics.of(alignments.get(d), settings.kMax(), bootstrap)));
        }
        String mode = settings.sampling() == null ? "greedy" : String.format(Locale.ROOT,
                "greedy + sampling (temperature %.3g, top-k %d, top-p %.3g; expected acceptance from beta)",
                settings.sampling().temperature(), settings.sampling().topK(), settings.sampling().topP());
        Provenance p = new Provenance(Provenance.TOOL, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                targetRef, settings.threads(), settings.seed(), source, used, settings.tokens(), settings.kMax(), mode,
                remote != null ? remote.describe()
                        : settings.targetPass() == AlignSettings.TargetPassKind.GREEDY
                        ? "plain greedy generation, one token per target decode (one target pass per prompt for every K)"
                        : "speculative greedy run at K=" + settings.kMax() + " with pilot draft "
                        + drafts.get(0).ref().name() + " (target verifies in batches; one target pass per prompt for"
                        + " every K)",
                "alpha and E(K): " + bootstrap.describe() + ", 95%; P(L>=i): " + Wilson.METHOD + ", 95%", stop,
                remote);
        return new AlignResult(p, out);
    }

    /** The prompt's token ids (with BOS): the target's tokenizer, or the first draft's for a remote target. */
    public int[] tokenize(String prompt) {
        return (target != null ? target : drafts.get(0).engine()).tokenizer().tokenize(prompt, true);
    }

    private boolean narrowEnough(List<List<Alignment>> alignments, Bootstrap bootstrap) {
        for (List<Alignment> a : alignments) {
            Interval ci = bootstrap.meanInterval(AcceptanceStatistics.alphaPerPrompt(a, settings.headlineK()));
            if (Double.isNaN(ci.halfWidth()) || ci.halfWidth() > settings.untilCi()) {
                return false;
            }
        }
        return true;
    }
}
