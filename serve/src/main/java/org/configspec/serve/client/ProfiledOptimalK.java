package org.configspec.serve.client;

import org.configspec.core.acceptance.AcceptanceCurve;

/**
 * Goodput-optimal K from STORED profiles for the RTT this run measures: E(K) from the stored acceptance curve (a K it
 * does not cover uses the fallback curve, e.g. the profile's i.i.d. fit), r_d from the stored draft profile, and
 * T_v(K) = the round trip at K measured so far ({@link RoundTripModel}: the tracked time outside the verifier plus the
 * verifier's own time, which grows with the K + 1 positions it decodes). K = argmax over 1..max of
 * E(K) / (K / r_d + T_v(K)) (core's AnalyticModel); the first round, before any round trip is measured, uses the start K.
 */
public final class ProfiledOptimalK extends KPolicy {
    private final AcceptanceCurve acceptance;
    private final AcceptanceCurve fallback;
    private final double draftTokensPerSecond;
    private final int start;
    private final RoundTripModel roundTrip = new RoundTripModel();

    public ProfiledOptimalK(AcceptanceCurve acceptance, AcceptanceCurve fallback, double draftTokensPerSecond, int start,
                            int max) {
        super(max);
        this.acceptance = acceptance;
        this.fallback = fallback;
        this.draftTokensPerSecond = draftTokensPerSecond;
        this.start = Math.max(1, Math.min(start, max));
    }

    @Override
    public String name() {
        return "optimal-from-profiles(K in 1.." + maxK + ")";
    }

    @Override
    protected int choose() {
        return roundTrip.rounds() == 0 ? start : OptimalK.argmaxGoodput(this::tokensPerRound, draftTokensPerSecond,
                roundTrip::seconds, maxK);
    }

    private double tokensPerRound(int k) {
        return acceptance.supports(k) ? acceptance.tokensPerRound(k) : fallback.tokensPerRound(k);
    }

    /** argmax over K of the stored-profile goodput at verification time {@code verifySeconds} (first on ties). */
    public int best(double verifySeconds) {
        return OptimalK.argmaxGoodput(this::tokensPerRound, draftTokensPerSecond, verifySeconds, maxK);
    }

    @Override
    protected void update(Observation o) {
        roundTrip.add(o);
    }
}
