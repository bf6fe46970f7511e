package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;

/**
 * The one draft pass per prompt: the draft reads the target's continuation teacher-forced, one token per decode (so
 * its KV cache holds exactly what an autoregressive drafter's would), and records its greedy token at every position
 * and, in sampling mode, the overlap β with the target's distribution there (bounds on β, {@link TruncatedOverlap},
 * where the target is known by its top-N listing only). n single-token decodes serve every K.
 */
public final class DraftPass {
    private final InferenceEngine draft;
    private final SamplingParams sampling;

    /** @param sampling the sampling distributions for β (the target's must use the same), or null for greedy only */
    public DraftPass(InferenceEngine draft, SamplingParams sampling) {
        this.draft = draft;
        this.sampling = sampling;
    }

    public Alignment align(Continuation c) {
        int[] prompt = c.prompt();
        int n = c.length();
        Prompts.checkFits(draft, "draft", prompt.length, n);
        boolean withBeta = sampling != null && c.hasDistributions();
        boolean truncated = withBeta && c.targetTop() != null;
        if (truncated && (sampling.topK() != 0 || sampling.topP() < 1)) {
            throw new ConfigSpecException("sampling acceptance from a target's top-N listing: top-k " + sampling.topK()
                    + ", top-p " + sampling.topP() + " (allowed: the full softmax, top-k 0 and top-p 1)");
        }
        DecodeStep step = Prompts.decodePrefix(draft, prompt);
        Sampler sampler = withBeta ? new Sampler(sampling) : null;
        int m = prompt.length;
        int[] g = new int[n];
        double[] beta = withBeta ? new double[n] : null;
        double[] lo = truncated ? new double[n] : null;
        double[] hi = truncated ? new double[n] : null;
        for (int q = 0; q < n; q++) {
            int token = q == 0 ? prompt[m - 1] : c.token(q - 1);
            g[q] = step.greedy(token, m - 1 + q);
            if (truncated) {
                TruncatedOverlap.Bounds b = TruncatedOverlap.bounds(c.targetTop().get(q), sampling.temperature(),
                        sampler.distribution(draft.logits(DecodeStep.ROW)).probabilities());
                lo[q] = b.lo();
                hi[q] = b.hi();
                beta[q] = b.midpoint();
            } else if (withBeta) {
                beta[q] = ExpectedAcceptance.overlap(c.targetProbs()[q],
                        sampler.distribution(draft.logits(DecodeStep.ROW)).probabilities());
            }
        }
        return new Alignment(c.tokens(), g, beta, lo, hi);
    }
}
