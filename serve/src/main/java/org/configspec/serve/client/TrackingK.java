package org.configspec.serve.client;

import org.configspec.core.error.ConfigSpecException;

/**
 * K for a link (or a verifier load) that changes during the run: Thompson sampling over K in 1..max on the goodput
 * G(K) = E(K) / (K / r_d + T_v), where the tokens per round E(K) come from the draft's acceptance per position,
 * learned from every round whatever its K ({@link PositionAcceptance}), and the round trip T_v is tracked by an
 * exponentially weighted moving average (weight λ of the newest round, default {@value #DEFAULT_WEIGHT}). Each round
 * draws every position's acceptance from its posterior, computes E(K) for every K from that one draw, divides by the
 * drafting time at the run's draft speed r_d (drafted tokens / drafting seconds) plus the tracked round trip, and
 * plays the largest. The first round plays the largest K (it tries the most positions); there is no other warm-up.
 * <p>
 * Why this and not a discounted (or sliding-window) Thompson bandit: of what sets the best K, the acceptance of the
 * draft against the target and the draft speed are properties of the models and the device and stay put during a
 * run; what moves is the round trip (the link changes, the verifier's queue grows with its load). A discounted bandit
 * forgets every arm's goodput and must re-learn them all after a change, from per-round goodputs as noisy as the
 * geometric accepted length, and keeps exploring while nothing changes — goodput lost on a steady link. This policy
 * forgets only the round trip: its estimate covers 1 − (1 − λ)^n of a step after n rounds (90 % after 22 rounds at
 * λ = 0.1), and the very next round weighs every K's learned E(K) against the new round trip, so the K that is best
 * for the new link is played at once without re-exploring. Why per position and not per K (as {@link BanditK} learns
 * each K's goodput, and as this policy first did): a round at K = 6 that accepted 3 also says how positions 1 to 4
 * fared, which is what E(2), E(3) and E(4) are made of; learning each K from its own rounds only made the policy play
 * every K a few times first and keep exploring K's whose estimates overlapped — rounds at a poor K that the per-position
 * estimate does not need. E(K) is not fitted to an i.i.d. model as {@link OptimalK} fits it (the paper's α(K)), so a
 * draft whose acceptance falls with the position still gets its true best K. No change detector: the estimate is
 * already short-memoried, and the goodput is flat near its maximum, so the noise of a ten-round average of a jittery
 * round trip moves K only between neighbours that cost almost the same. The draws come from a seeded generator, so a
 * run is reproducible.
 */
public final class TrackingK extends KPolicy {
    /** The default weight of the newest round trip in the moving average. */
    public static final double DEFAULT_WEIGHT = 0.1;

    private final double weight;
    private final PositionAcceptance positions;
    private long draftedTokens;
    private double draftSeconds;
    private double roundTrip = Double.NaN;

    public TrackingK(int max, double weight, long seed) {
        super(max);
        if (!(weight > 0 && weight <= 1)) {
            throw new ConfigSpecException("tracking weight = " + weight + ": allowed a number in (0, 1]");
        }
        this.weight = weight;
        this.positions = new PositionAcceptance(max, seed);
    }

    @Override
    public String name() {
        return "tracking(RTT EWMA " + weight + ", K in 1.." + maxK + ")";
    }

    /** The round trip the policy plans with (NaN before the first round). */
    public double roundTripSeconds() {
        return roundTrip;
    }

    /** The committed tokens per round expected at K from the acceptance learned so far (posterior mean). */
    public double tokensPerRound(int k) {
        return positions.expectedTokens(k);
    }

    @Override
    protected int choose() {
        if (Double.isNaN(roundTrip)) {
            return maxK;
        }
        double perToken = draftedTokens == 0 ? 0 : draftSeconds / draftedTokens;
        double[] e = positions.drawExpectedTokens();
        int best = 1;
        double bestGoodput = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= maxK; k++) {
            double g = e[k] / (k * perToken + roundTrip);
            if (g > bestGoodput) {
                bestGoodput = g;
                best = k;
            }
        }
        return best;
    }

    @Override
    protected void update(Observation o) {
        double rt = o.roundTripSeconds();
        if (o.k() < 1 || o.k() > maxK || !(rt >= 0) || !(o.draftSeconds() >= 0)) {
            return;
        }
        roundTrip = Double.isNaN(roundTrip) ? rt : roundTrip + weight * (rt - roundTrip);
        draftedTokens += o.k();
        draftSeconds += o.draftSeconds();
        positions.add(o.k(), o.accepted());
    }
}
