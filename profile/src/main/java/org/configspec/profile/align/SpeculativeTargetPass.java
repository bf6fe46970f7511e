package org.configspec.profile.align;

import org.configspec.core.error.Check;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;

/**
 * The target pass as one real greedy speculative run at K_max with a pilot draft: the committed text is the target's
 * greedy continuation (verified in batches of K_max + 1, exact on F32 with {@code ContextOptions.exact()}), reached in
 * about N / E(K_max) target decodes instead of N. In sampling mode the target's distribution of every committed row is
 * kept.
 */
public final class SpeculativeTargetPass implements TargetPass {
    private final GreedySpeculativeDecoder decoder;
    private final int kMax;
    private final SamplingParams sampling;

    /** @param sampling distributions to keep for sampling-mode acceptance, or null for greedy only */
    public SpeculativeTargetPass(InferenceEngine target, InferenceEngine pilotDraft, int kMax, SamplingParams sampling) {
        this.decoder = new GreedySpeculativeDecoder(target, pilotDraft);
        this.kMax = Check.atLeast("K max", kMax, 1);
        this.sampling = sampling;
    }

    @Override
    public Continuation continuation(int[] prompt, int tokens) {
        if (sampling == null) {
            return new Continuation(prompt, decoder.run(prompt, kMax, tokens).committed(), null);
        }
        double[][] rows = new double[tokens][];
        Sampler s = new Sampler(sampling);
        var r = decoder.run(prompt, kMax, tokens, (q, e, row) -> rows[q] = s.distribution(e.logits(row)).probabilities());
        return new Continuation(prompt, r.committed(), java.util.Arrays.copyOf(rows, r.committed().length));
    }
}
