package org.configspec.serve.client;

import org.configspec.core.error.ConfigSpecException;

/**
 * K for a link (or a verifier load) that changes during the run: Thompson sampling over K in 1..max on the goodput
 * G(K) = E(K) / (K / r_d + T_v), where the tokens per round E(K) are learned per K from the whole run and the round trip
 * T_v is tracked by an exponentially weighted moving average (weight λ of the newest round, default
 * {@value #DEFAULT_WEIGHT}). Each round draws E(K) from N(mean_K, var_K / n_K) for every K, divides by the drafting time
 * at the run's draft speed r_d (drafted tokens / drafting seconds) plus the tracked round trip, and plays the largest;
 * each K is played twice first. {@code --policy tracking}.
 * <p>
 * Why this and not a discounted (or sliding-window) Thompson bandit: of what sets the best K, the acceptance of the
 * draft against the target and the draft speed are properties of the models and the device and stay put during a
 * run; what moves is the round trip (the link changes, the verifier's queue grows with its load). A discounted bandit
 * forgets every arm's goodput and must re-learn them all after a change, from per-round goodputs as noisy as the
 * geometric accepted length, and keeps exploring while nothing changes — goodput lost on a steady link. This policy
 * forgets only the round trip: its estimate covers 1 − (1 − λ)^n of a step after n rounds (90 % after 22 rounds at
 * λ = 0.1), and the very next round weighs every K's learned E(K) against the new round trip, so the K that is best
 * for the new link is played at once without re-exploring. E(K) is learned per K, not fitted to an i.i.d. model as
 * {@link OptimalK} fits it, so a draft whose acceptance is not geometric (the paper's α(K)) still gets its true best
 * K. (Over {@link BanditK}, which learns each K's goodput with the round trip folded in, its posteriors stay right
 * when the round trip changes.) No change detector: the estimate is already short-memoried, and the goodput is flat
 * near its maximum, so the noise of a ten-round average of a jittery round trip moves K only between neighbours that
 * cost almost the same. The draws come from a seeded generator, so a run is reproducible.
 */
public final class TrackingK extends KPolicy {
    /** The default weight of the newest round trip in the moving average. */
    public static final double DEFAULT_WEIGHT = 0.1;
    private static final int WARMUP = 2;

    private final double weight;
    private final ArmStatistics arms;
    private long draftedTokens;
    private double draftSeconds;
    private double roundTrip = Double.NaN;

    public TrackingK(int max, double weight, long seed) {
        super(max);
        if (!(weight > 0 && weight <= 1)) {
            throw new ConfigSpecException("tracking weight = " + weight + ": allowed a number in (0, 1]");
        }
        this.weight = weight;
        // one pseudo-observation of unit variance keeps a K whose first rounds agreed from freezing
        arms = new ArmStatistics(max, 1, seed);
    }

    @Override
    public String name() {
        return "tracking(RTT EWMA " + weight + ", K in 1.." + maxK + ")";
    }

    /** The round trip the policy plans with (NaN before the first round). */
    public double roundTripSeconds() {
        return roundTrip;
    }

    /** Mean committed tokens per round measured at K (NaN where K has not been played). */
    public double tokensPerRound(int k) {
        return arms.count(k) == 0 ? Double.NaN : arms.mean(k);
    }

    @Override
    protected int choose() {
        int cold = arms.underplayed(WARMUP);
        if (cold > 0) {
            return cold;
        }
        double perToken = draftedTokens == 0 ? 0 : draftSeconds / draftedTokens;
        return arms.bestDraw(k -> k * perToken + roundTrip);
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
        arms.add(o.k(), o.accepted() + 1);
    }
}
