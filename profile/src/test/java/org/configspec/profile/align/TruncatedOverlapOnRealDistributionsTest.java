package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On real distributions of our engine (stories15M F32 target, the Q8_0 4-layer draft), the β bounds a draft pass
 * computes from the target's top-N listing (N = 1, 5, 20, 100; the listing at temperature 1, as llama-server's
 * n_probs) contain the exact β from the full target distribution at every position, at temperatures below, at and
 * above 1, and narrow as N grows; the expected α(K) bounds contain the exact expected α(K).
 */
@NeedsLlama
class TruncatedOverlapOnRealDistributionsTest {
    static final int[] NS = {1, 5, 20, 100};
    static final int TOKENS = 24;
    static final int K = 4;

    @ParameterizedTest
    @ValueSource(doubles = {0.7, 1.0, 1.5})
    void boundsFromTopNContainTheExactOverlapAndNarrowAsNGrows(double temperature) {
        SamplingParams at = new SamplingParams(temperature, 0, 1.0, 0);
        SamplingParams one = new SamplingParams(1.0, 0, 1.0, 0);
        DraftPass draft = new DraftPass(AlignFixture.session(AlignFixture.L4), at);
        for (String prompt : AlignFixture.prompts().subList(0, 1)) {
            int[] ids = AlignFixture.session(AlignFixture.TARGET).tokenizer().tokenize(prompt, true);
            Continuation full = new GreedyTargetPass(AlignFixture.session(AlignFixture.TARGET), at)
                    .continuation(ids, TOKENS);
            double[][] rowsAtOne = new GreedyTargetPass(AlignFixture.session(AlignFixture.TARGET), one)
                    .continuation(ids, TOKENS).targetProbs();
            Alignment exact = draft.align(full);
            double[] previousWidth = null;
            double previousMean = Double.POSITIVE_INFINITY;
            for (int n : NS) {
                List<TopRow> rows = new ArrayList<>();
                for (double[] p : rowsAtOne) {
                    rows.add(TruncatedOverlapProperties.topN(p, n));
                }
                Alignment bounded = draft.align(new Continuation(ids, full.tokens(), null, rows));
                double[] lo = bounded.betaLo();
                double[] hi = bounded.betaHi();
                double[] beta = exact.beta();
                double[] width = new double[beta.length];
                for (int q = 0; q < beta.length; q++) {
                    assertThat(beta[q]).as("position %d, N=%d, T=%s", q, n, temperature)
                            .isBetween(lo[q] - 1e-9, hi[q] + 1e-9);
                    width[q] = hi[q] - lo[q];
                    if (temperature == 1.0) {
                        assertThat(width[q]).isLessThanOrEqualTo(rows.get(q).unlistedMass() + 1e-9);
                        if (previousWidth != null) {
                            assertThat(width[q]).isLessThanOrEqualTo(previousWidth[q] + 1e-9);
                        }
                    }
                }
                double mean = Arrays.stream(width).average().orElseThrow();
                assertThat(mean).as("mean width at N=%d, T=%s", n, temperature).isLessThanOrEqualTo(previousMean);
                double alpha = AcceptanceStatistics.expectedAlpha(exact.beta(), K);
                assertThat(alpha).isBetween(AcceptanceStatistics.expectedAlpha(lo, K) - 1e-9,
                        AcceptanceStatistics.expectedAlpha(hi, K) + 1e-9);
                System.out.printf("T=%.1f N=%3d: beta width mean %.4f max %.4f%n", temperature, n, mean,
                        Arrays.stream(width).max().orElseThrow());
                previousWidth = width;
                previousMean = mean;
            }
        }
    }
}
