package org.configspec.serve.verifier;

import java.util.List;
import java.util.SplittableRandom;
import org.configspec.llm.sampling.Distribution;
import org.configspec.llm.sampling.Sampler;
import org.configspec.serve.protocol.SparseDistribution;

/**
 * Speculative sampling (Leviathan et al. 2023; Chen et al. 2023): drafted token x at position i is accepted with
 * probability min(1, p(x) / q(x)); on the first rejection the token is drawn from norm(max(0, p − q)); when all K are
 * accepted a bonus token is drawn from p at row K. p is the target's sampling distribution (temperature, top-k,
 * top-p of the session), q the draft's distribution sent by the client. The output is distributed exactly as the
 * target's own sampling.
 */
final class RejectionSampling implements Acceptance {
    private final Sampler target;

    RejectionSampling(Sampler target) {
        this.target = target;
    }

    @Override
    public int targetTopK() {
        return target.params().topK();
    }

    @Override
    public Outcome accept(int[] draft, List<SparseDistribution> draftProbs, TargetRows rows, SplittableRandom random) {
        for (int i = 0; i < draft.length; i++) {
            Distribution p = target.distribution(rows.logits(i));
            int x = draft[i];
            double px = x < p.size() ? p.probability(x) : 0;
            double qx = draftProbs.get(i).probability(x);
            if (random.nextDouble() < Math.min(1, px / qx)) {
                continue;
            }
            return new Outcome(i, residual(p, draftProbs.get(i), random.nextDouble()));
        }
        Distribution p = target.distribution(rows.logits(draft.length));
        return new Outcome(draft.length, p.sample(random.nextDouble()));
    }

    /** A draw from norm(max(0, p − q)); from p when the residual is empty (p ≤ q everywhere, only by rounding). */
    static int residual(Distribution p, SparseDistribution q, double u) {
        double[] r = p.probabilities();
        double[] dq = new double[r.length];
        q.addTo(dq);
        double sum = 0;
        for (int t = 0; t < r.length; t++) {
            r[t] = Math.max(0, r[t] - dq[t]);
            sum += r[t];
        }
        if (!(sum > 0)) {
            return p.sample(u);
        }
        double target = u * sum;
        double cum = 0;
        int last = 0;
        for (int t = 0; t < r.length; t++) {
            if (r[t] > 0) {
                cum += r[t];
                last = t;
                if (cum > target) {
                    return t;
                }
            }
        }
        return last;
    }
}
