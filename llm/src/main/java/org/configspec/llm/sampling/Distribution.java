package org.configspec.llm.sampling;

/**
 * A probability distribution over the vocabulary (float64, sums to 1 up to rounding), e.g. the softmax of a logits row
 * after temperature, top-k and top-p. Immutable.
 */
public final class Distribution {
    private final double[] p;

    Distribution(double[] p) {
        this.p = p;
    }

    /** Plain softmax of the logits at temperature {@code t > 0} (numerically stable, float64). */
    public static Distribution softmax(float[] logits, double t) {
        if (!(t > 0)) {
            throw new IllegalArgumentException("temperature = " + t + ": softmax needs t > 0");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / t);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return new Distribution(p);
    }

    /** All mass on one token (greedy). */
    public static Distribution pointMass(int size, int token) {
        double[] p = new double[size];
        p[token] = 1;
        return new Distribution(p);
    }

    public int size() {
        return p.length;
    }

    public double probability(int token) {
        return p[token];
    }

    /** Copy of all probabilities. */
    public double[] probabilities() {
        return p.clone();
    }

    public int argmax() {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Inverse-CDF draw for {@code u} in [0,1). */
    public int sample(double u) {
        double c = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                c += p[i];
                last = i;
                if (u < c) {
                    return i;
                }
            }
        }
        return last;
    }
}
