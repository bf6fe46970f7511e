package org.configspec.serve.client;

import java.util.function.IntToDoubleFunction;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.model.AnalyticModel;

/**
 * Goodput-optimal K for what the run has measured so far: the i.i.d. per-token acceptance a fitted to the rounds
 * (maximum likelihood of the truncated-geometric model, with one prior success and one prior failure: a = (ΣL + 1) /
 * (ΣL + rejections + 2)), the draft speed r_d = drafted tokens / drafting seconds, and T_v(K) = the round trip at K
 * ({@link RoundTripModel}: the tracked time outside the verifier plus the verifier's own time, which grows with the K + 1
 * positions it decodes). K = argmax over 1..max of G(K) = E(K) / (K / r_d + T_v(K)) with E(K) = (1 − a^(K+1)) / (1 − a)
 * (core's AnalyticModel). The first rounds (until two are observed) use the start K.
 */
public final class OptimalK extends KPolicy {
    private final int start;
    private long acceptedSum;
    private long rejections;
    private long draftedTokens;
    private double draftSeconds;
    private final RoundTripModel roundTrip = new RoundTripModel();

    public OptimalK(int start, int max) {
        super(max);
        this.start = Math.max(1, Math.min(start, max));
    }

    @Override
    public String name() {
        return "optimal(K in 1.." + maxK + ")";
    }

    /** The fitted per-token acceptance rate. */
    public double acceptanceRate() {
        return fittedRate(acceptedSum, rejections);
    }

    /**
     * The i.i.d. per-token acceptance rate of rounds with {@code accepted} accepted tokens in all and {@code rejections}
     * rounds that ended in a rejection: (accepted + 1) / (accepted + rejections + 2).
     */
    public static double fittedRate(long accepted, long rejections) {
        return (accepted + 1.0) / (accepted + rejections + 2.0);
    }

    @Override
    protected int choose() {
        if (roundTrip.rounds() < 2 || draftSeconds <= 0 || draftedTokens == 0) {
            return start;
        }
        return argmaxGoodput(new IidCurve(acceptanceRate())::tokensPerRound, draftedTokens / draftSeconds,
                roundTrip::seconds, maxK);
    }

    /** argmax over K in 1..max of the i.i.d. goodput (pure; first on ties). */
    public static int best(double a, double draftTokensPerSecond, double verifySeconds, int max) {
        return argmaxGoodput(new IidCurve(a)::tokensPerRound, draftTokensPerSecond, verifySeconds, max);
    }

    /** argmax over K in 1..max of G(K) = E(K) / (K / r_d + T_v) for tokens per round E(K) (first on ties). */
    public static int argmaxGoodput(IntToDoubleFunction tokensPerRound, double draftTokensPerSecond, double verifySeconds,
                                    int max) {
        return argmaxGoodput(tokensPerRound, draftTokensPerSecond, k -> verifySeconds, max);
    }

    /** argmax over K in 1..max of G(K) = E(K) / (K / r_d + T_v(K)) (first on ties). */
    public static int argmaxGoodput(IntToDoubleFunction tokensPerRound, double draftTokensPerSecond,
                                    IntToDoubleFunction verifySeconds, int max) {
        int bestK = 1;
        double bestG = -1;
        for (int k = 1; k <= max; k++) {
            double g = AnalyticModel.goodput(tokensPerRound.applyAsDouble(k), k, draftTokensPerSecond,
                    verifySeconds.applyAsDouble(k));
            if (g > bestG + 1e-12) {
                bestG = g;
                bestK = k;
            }
        }
        return bestK;
    }

    @Override
    protected void update(Observation o) {
        roundTrip.add(o);
        if (o.k() > 0) {
            acceptedSum += o.accepted();
            if (o.accepted() < o.k()) {
                rejections++;
            }
            draftedTokens += o.k();
            draftSeconds += o.draftSeconds();
        }
    }
}
