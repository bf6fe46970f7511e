package org.configspec.serve.client;

/**
 * K learned online as a multi-armed bandit over K in 1..max: Thompson sampling with a Gaussian posterior on each K's
 * mean goodput per round, (accepted + 1) / (drafting + round-trip seconds). Each K is played twice first; after that
 * every round draws one value per K from N(mean_K, variance_K / n_K) and plays the largest.
 * <p>
 * Why Thompson and not UCB1: per-round goodput is very noisy (the accepted length is roughly geometric) while
 * neighbouring Ks differ by a few percent, so UCB1's variance-blind bonus keeps replaying clearly bad Ks for
 * thousands of rounds; Thompson's posterior uses each K's own measured spread, drops bad Ks after a few dozen rounds
 * and spends its exploration among the near-optimal ones, where it costs little. It needs no model of acceptance or
 * of the round trip, so it adapts to whatever the verifier's load does to T_v. The draws come from a seeded
 * generator, so a run is reproducible.
 */
public final class BanditK extends KPolicy {
    private static final int WARMUP = 2;
    private final ArmStatistics arms;

    public BanditK(int max, long seed) {
        super(max);
        arms = new ArmStatistics(max, 0, seed);
    }

    @Override
    public String name() {
        return "bandit(Thompson, K in 1.." + maxK + ")";
    }

    @Override
    protected int choose() {
        int cold = arms.underplayed(WARMUP);
        if (cold > 0) {
            return cold;
        }
        return arms.bestDraw(k -> 1);
    }

    @Override
    protected void update(Observation o) {
        double seconds = o.draftSeconds() + o.roundTripSeconds();
        if (o.k() < 1 || o.k() > maxK || !(seconds > 0)) {
            return;
        }
        arms.add(o.k(), (o.accepted() + 1) / seconds);
    }
}
