package org.configspec.llm.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {1f, 3f, 2f, -1f, 3f, 0.5f};

    @Test
    void greedyPicksTheFirstLargestLogit() {
        assertThat(new Sampler(SamplingParams.greedy()).sample(LOGITS)).isEqualTo(1);
        assertThat(new Sampler(SamplingParams.greedy()).distribution(LOGITS).probability(1)).isEqualTo(1.0);
    }

    @Test
    void softmaxIsANormalisedDistribution() {
        Distribution d = Distribution.softmax(LOGITS, 1.0);
        assertThat(Arrays.stream(d.probabilities()).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(d.probability(1) / d.probability(2)).isCloseTo(Math.E, within(1e-9));
        Distribution hot = Distribution.softmax(LOGITS, 2.0);
        assertThat(hot.probability(1) / hot.probability(2)).isCloseTo(Math.exp(0.5), within(1e-9));
    }

    @Test
    void topKAndTopPKeepTheMostLikelyTokensOnly() {
        Distribution k2 = new Sampler(new SamplingParams(1.0, 2, 1.0, 1)).distribution(LOGITS);
        assertThat(k2.probability(1)).isCloseTo(0.5, within(1e-12));
        assertThat(k2.probability(4)).isCloseTo(0.5, within(1e-12));
        assertThat(k2.probability(2)).isZero();
        Distribution p = new Sampler(new SamplingParams(1.0, 0, 0.9, 1)).distribution(LOGITS);
        assertThat(p.probability(3)).isZero();
        assertThat(Arrays.stream(p.probabilities()).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void heapSelectionAgreesWithAFullSort() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double[] p = new double[5000];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextInt(50) / 50.0; // many ties
        }
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        for (int k : new int[] {1, 7, 40, 1000, 2000}) {
            int[] expected = new int[k];
            for (int j = 0; j < k; j++) {
                expected[j] = idx[j];
            }
            assertThat(Sampler.topIndices(p, k)).as("k=%d", k).containsExactly(expected);
        }
    }

    @Test
    void seededSamplingIsReproducibleAndFollowsTheDistribution() {
        int[] counts = new int[LOGITS.length];
        Sampler a = new Sampler(new SamplingParams(1.0, 0, 1.0, 42));
        Sampler b = new Sampler(new SamplingParams(1.0, 0, 1.0, 42));
        for (int i = 0; i < 20000; i++) {
            int x = a.sample(LOGITS);
            assertThat(b.sample(LOGITS)).isEqualTo(x);
            counts[x]++;
        }
        Distribution d = Distribution.softmax(LOGITS, 1.0);
        for (int t = 0; t < LOGITS.length; t++) {
            assertThat(counts[t] / 20000.0).isCloseTo(d.probability(t), within(0.015));
        }
    }

    @Test
    void invalidSettingsNameTheValueAndTheRange() {
        assertThatThrownBy(() -> new SamplingParams(-1, 0, 1, 0)).hasMessage("temperature = -1.0: allowed 0 (greedy) .. 100");
        assertThatThrownBy(() -> new SamplingParams(1, -3, 1, 0)).hasMessageContaining("top-k = -3");
        assertThatThrownBy(() -> new SamplingParams(1, 0, 0, 0)).hasMessageContaining("top-p = 0.0");
    }
}
