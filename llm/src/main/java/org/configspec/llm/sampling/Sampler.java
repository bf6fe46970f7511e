package org.configspec.llm.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the next token from a full logits row, in Java: greedy (argmax) at temperature 0, else softmax at the
 * temperature, then top-k, then top-p (nucleus), renormalised, and a draw from a seeded generator.
 * {@link #distribution(float[])} exposes the distribution actually sampled from (for speculative acceptance).
 * Not thread-safe (it owns a random generator); use one per thread.
 */
public final class Sampler {
    private final SamplingParams params;
    private final SplittableRandom random;

    public Sampler(SamplingParams params) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
    }

    public SamplingParams params() {
        return params;
    }

    /** Index of the largest logit (first on ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The distribution the next token is drawn from (a point mass under greedy). */
    public Distribution distribution(float[] logits) {
        if (params.isGreedy()) {
            return Distribution.pointMass(logits.length, argmax(logits));
        }
        double[] p = Distribution.softmax(logits, params.temperature()).probabilities();
        int k = params.topK() == 0 ? p.length : Math.min(params.topK(), p.length);
        if (k < p.length || params.topP() < 1) {
            Integer[] order = new Integer[p.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
            double cum = 0;
            int keep = 0;
            while (keep < k) {
                cum += p[order[keep]];
                keep++;
                if (cum >= params.topP()) {
                    break;
                }
            }
            double[] q = new double[p.length];
            double sum = 0;
            for (int i = 0; i < keep; i++) {
                q[order[i]] = p[order[i]];
                sum += q[order[i]];
            }
            for (int i = 0; i < keep; i++) {
                q[order[i]] /= sum;
            }
            return new Distribution(q);
        }
        return new Distribution(p);
    }

    /** The next token. */
    public int sample(float[] logits) {
        if (params.isGreedy()) {
            return argmax(logits);
        }
        return distribution(logits).sample(random.nextDouble());
    }
}
