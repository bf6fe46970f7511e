package org.configspec.profile.align;

import java.util.Arrays;
import org.configspec.llm.engine.DecodeStep;
import org.configspec.llm.engine.InferenceEngine;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;

/**
 * The target pass without a draft: plain greedy generation, one token per decode (N target decodes of one token,
 * plus the prompt). Fewer target tokens than {@link SpeculativeTargetPass} when the drafts are poor (which verifies
 * K_max + 1 tokens per round), more decode calls when they are good. In sampling mode the target's distribution at
 * every position is kept.
 */
public final class GreedyTargetPass implements TargetPass {
    private final InferenceEngine target;
    private final SamplingParams sampling;

    /** @param sampling distributions to keep for sampling-mode acceptance, or null for greedy only */
    public GreedyTargetPass(InferenceEngine target, SamplingParams sampling) {
        this.target = target;
        this.sampling = sampling;
    }

    @Override
    public Continuation continuation(int[] prompt, int tokens) {
        Prompts.checkFits(target, "target", prompt.length, tokens);
        DecodeStep step = Prompts.decodePrefix(target, prompt);
        int m = prompt.length;
        int eos = target.tokenizer().eos();
        int[] out = new int[tokens];
        double[][] rows = sampling == null ? null : new double[tokens][];
        Sampler s = sampling == null ? null : new Sampler(sampling);
        int n = 0;
        int last = prompt[m - 1];
        while (n < tokens) {
            last = step.greedy(last, m - 1 + n);
            if (rows != null) {
                rows[n] = s.distribution(target.logits(DecodeStep.ROW)).probabilities();
            }
            out[n++] = last;
            if (last == eos) {
                break;
            }
        }
        return new Continuation(prompt, Arrays.copyOf(out, n), rows == null ? null : Arrays.copyOf(rows, n));
    }
}
