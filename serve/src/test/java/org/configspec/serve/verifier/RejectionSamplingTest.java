package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.configspec.llm.sampling.Distribution;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.configspec.serve.protocol.SparseDistribution;
import org.junit.jupiter.api.Test;

/**
 * The rejection rule on a toy 6-token vocabulary whose rows do not depend on the context: the first committed token
 * must follow p0 and a second one committed in the same round must follow p1 (bonus or drafted), whatever q is.
 */
class RejectionSamplingTest {
    private static final float[] P0 = {2.0f, 1.0f, 0.5f, 0.0f, -1.0f, 1.5f};
    private static final float[] P1 = {-1.0f, 0.0f, 2.5f, 1.0f, 0.3f, 0.0f};
    private static final double[] Q0 = {0.05, 0.40, 0.30, 0.05, 0.20, 0.0};
    private static final double[] Q1 = {0.30, 0.30, 0.10, 0.10, 0.10, 0.10};

    @Test
    void committedTokensFollowTheTargetDistributionNotTheDraft() {
        Sampler target = new Sampler(new SamplingParams(1.0, 0, 1, 0));
        Distribution p0 = target.distribution(P0);
        Distribution p1 = target.distribution(P1);
        RejectionSampling rule = new RejectionSampling(target);
        TargetRows rows = new TargetRows() {
            @Override
            public int argmax(int i) {
                throw new UnsupportedOperationException();
            }

            @Override
            public float[] logits(int i) {
                return i == 0 ? P0 : P1;
            }
        };
        List<SparseDistribution> q = List.of(sparse(Q0), sparse(Q1));
        SplittableRandom random = new SplittableRandom(7);
        int trials = 200_000;
        long[] first = new long[6];
        long[] second = new long[6];
        long seconds = 0;
        long rejected = 0;
        for (int n = 0; n < trials; n++) {
            int[] draft = {sample(Q0, random.nextDouble()), sample(Q1, random.nextDouble())};
            Acceptance.Outcome o = rule.accept(draft, q, rows, random);
            first[o.accepted() == 0 ? o.token() : draft[0]]++;
            if (o.accepted() >= 1) {
                second[o.accepted() == 1 ? o.token() : draft[1]]++;
                seconds++;
            }
            if (o.accepted() < 2) {
                rejected++;
            }
        }
        assertThat(totalVariation(first, trials, p0::probability)).isLessThan(0.006);
        assertThat(totalVariation(second, seconds, p1::probability)).isLessThan(0.008);
        assertThat(totalVariation(first, trials, t -> Q0[t])).as("the test can tell p0 from q0").isGreaterThan(0.2);
        assertThat(rejected).isPositive();
    }

    static double totalVariation(long[] counts, long n, java.util.function.IntToDoubleFunction p) {
        double tv = 0;
        for (int t = 0; t < counts.length; t++) {
            tv += Math.abs((double) counts[t] / n - p.applyAsDouble(t));
        }
        return tv / 2;
    }

    private static int sample(double[] d, double u) {
        double cum = 0;
        for (int t = 0; t < d.length; t++) {
            cum += d[t];
            if (u < cum) {
                return t;
            }
        }
        return d.length - 1;
    }

    private static SparseDistribution sparse(double[] d) {
        int n = 0;
        for (double v : d) {
            n += v > 0 ? 1 : 0;
        }
        int[] ids = new int[n];
        float[] probs = new float[n];
        int j = 0;
        for (int t = 0; t < d.length; t++) {
            if (d[t] > 0) {
                ids[j] = t;
                probs[j++] = (float) d[t];
            }
        }
        return new SparseDistribution(ids, probs);
    }
}
