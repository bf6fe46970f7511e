package org.configspec.llm.sampling;

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
            int[] order = topIndices(p, k);
            double cum = 0;
            int keep = 0;
            while (keep < order.length) {
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

    /**
     * Indices of the {@code k} largest probabilities, most likely first (lower index first on ties). Sorts packed
     * primitive keys (probability bits, inverted index) instead of boxed indices.
     */
    static int[] topIndices(double[] p, int k) {
        if (k <= 1024 && k < p.length) {
            return topIndicesHeap(p, k);
        }
        long[] keys = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            keys[i] = key(p[i], i);
        }
        java.util.Arrays.sort(keys);
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = index(keys[keys.length - 1 - j]);
        }
        return out;
    }

    // p >= 0, so the IEEE bit pattern orders like the value; the inverted index puts lower indices first on ties
    private static long key(double p, int i) {
        return ((long) Float.floatToIntBits((float) p) << 32) | (Integer.MAX_VALUE - i);
    }

    private static int index(long key) {
        return Integer.MAX_VALUE - (int) (key & 0xffffffffL);
    }

    /** Bounded min-heap selection: O(n log k). */
    private static int[] topIndicesHeap(double[] p, int k) {
        long[] heap = new long[k];
        int size = 0;
        for (int i = 0; i < p.length; i++) {
            long x = key(p[i], i);
            if (size < k) {
                int c = size++;
                heap[c] = x;
                while (c > 0 && heap[(c - 1) / 2] > heap[c]) {
                    long t = heap[c];
                    heap[c] = heap[(c - 1) / 2];
                    heap[(c - 1) / 2] = t;
                    c = (c - 1) / 2;
                }
            } else if (x > heap[0]) {
                heap[0] = x;
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    int r = l + 1;
                    int m = c;
                    if (l < k && heap[l] < heap[m]) {
                        m = l;
                    }
                    if (r < k && heap[r] < heap[m]) {
                        m = r;
                    }
                    if (m == c) {
                        break;
                    }
                    long t = heap[c];
                    heap[c] = heap[m];
                    heap[m] = t;
                    c = m;
                }
            }
        }
        java.util.Arrays.sort(heap, 0, size);
        int[] out = new int[size];
        for (int j = 0; j < size; j++) {
            out[j] = index(heap[size - 1 - j]);
        }
        return out;
    }

    /** The next token. */
    public int sample(float[] logits) {
        if (params.isGreedy()) {
            return argmax(logits);
        }
        return distribution(logits).sample(random.nextDouble());
    }
}
