package org.configspec.llm.sampling;

/**
 * Sampling settings. {@code temperature == 0} means greedy (argmax).
 *
 * @param temperature 0 (greedy) .. 100
 * @param topK        keep the k most likely tokens; 0 = all
 * @param topP        keep the smallest set whose probability reaches p; 1 = all (0 &lt; p &lt;= 1)
 * @param seed        random seed (sampling is reproducible for a given seed)
 */
public record SamplingParams(double temperature, int topK, double topP, long seed) {
    public SamplingParams {
        if (!(temperature >= 0 && temperature <= 100)) {
            throw new IllegalArgumentException("temperature = " + temperature + ": allowed 0 (greedy) .. 100");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k = " + topK + ": allowed 0 (off) or a positive count");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p = " + topP + ": allowed 0 < p <= 1");
        }
    }

    public static SamplingParams greedy() {
        return new SamplingParams(0, 0, 1, 0);
    }

    public boolean isGreedy() {
        return temperature == 0;
    }
}
