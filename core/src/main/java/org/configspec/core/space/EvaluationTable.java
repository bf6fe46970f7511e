package org.configspec.core.space;

import java.util.AbstractList;
import org.configspec.core.model.AnalyticModel;

/**
 * All evaluations of a joint space, stored column-wise (one primitive array per quantity) so that millions of
 * configurations cost no object per row; {@link #get(int)} materialises one row.
 */
public final class EvaluationTable extends AbstractList<Evaluation> {
    private final JointSpace space;
    final int[] candidate;
    final int[] k;
    final double[] tokensPerRound;
    final double[] verifyS;
    final double[] goodput;
    final double[] usdPerRound;
    final double[] joulesPerToken;
    private final Fit[] fit;
    private final int size;

    EvaluationTable(JointSpace space, int[] candidate, int[] k, double[] tokensPerRound, double[] verifyS,
                    double[] goodput, double[] usdPerRound, double[] joulesPerToken, Fit[] fit, int size) {
        this.space = space;
        this.candidate = candidate;
        this.k = k;
        this.tokensPerRound = tokensPerRound;
        this.verifyS = verifyS;
        this.goodput = goodput;
        this.usdPerRound = usdPerRound;
        this.joulesPerToken = joulesPerToken;
        this.fit = fit;
        this.size = size;
    }

    @Override
    public Evaluation get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        Candidate c = space.candidates().get(candidate[i]);
        double e = tokensPerRound[i];
        double draftS = space.options().pipelined()
                ? AnalyticModel.pipelinedDraftSeconds(k[i], c.tokPerS(), verifyS[i], c.curve().guessHolds(k[i]))
                : k[i] / c.tokPerS();
        return new Evaluation(c, k[i], (e - 1) / k[i], e, draftS, verifyS[i], goodput[i], usdPerRound[i],
                e / usdPerRound[i], joulesPerToken[i], fit[candidate[i]]);
    }

    @Override
    public int size() {
        return size;
    }

    public JointSpace space() {
        return space;
    }

    /** Goodput of row i (tokens/s), without materialising the row. */
    public double goodputAt(int i) {
        return goodput[i];
    }

    /** Index into {@code space().candidates()} of row i. */
    public int candidateIndex(int i) {
        return candidate[i];
    }
}
