package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** The K policies: bounds, reactions to acceptance, the goodput optimum, shared counters. */
class KPolicyTest {

    @Test
    void backoffGrowsAfterFullAcceptanceAndShrinksAfterRejectionWithinBounds() {
        BackoffK p = new BackoffK(4, 2, 6);
        assertThat(p.nextK()).isEqualTo(4);
        p.observe(new KPolicy.Observation(4, 4, 0.01, 0.05));
        assertThat(p.nextK()).isEqualTo(5);
        p.observe(new KPolicy.Observation(5, 5, 0.01, 0.05));
        p.observe(new KPolicy.Observation(6, 6, 0.01, 0.05));
        assertThat(p.nextK()).isEqualTo(6);
        p.observe(new KPolicy.Observation(6, 0, 0.01, 0.05));
        assertThat(p.nextK()).isEqualTo(2);
        assertThat(p.counters().rounds()).isEqualTo(4);
        assertThat(p.counters().drafted()).isEqualTo(21);
        assertThat(p.counters().accepted()).isEqualTo(15);
        assertThat(p.counters().kIncreases()).isEqualTo(2);
        assertThat(p.counters().kDecreases()).isEqualTo(1);
    }

    @Test
    void optimalKFollowsTheAnalyticModel() {
        // near-perfect acceptance and a slow link: long drafts pay off
        assertThat(OptimalK.best(0.99, 200, 0.5, 16)).isEqualTo(16);
        // poor acceptance and an instant verifier: K = 1
        assertThat(OptimalK.best(0.2, 50, 0.001, 16)).isEqualTo(1);
        // moderate: an interior optimum, larger for a larger T_v
        int shortRtt = OptimalK.best(0.7, 100, 0.01, 16);
        int longRtt = OptimalK.best(0.7, 100, 0.2, 16);
        assertThat(shortRtt).isBetween(1, 16);
        assertThat(longRtt).isGreaterThan(shortRtt);
    }

    @Test
    void optimalKUsesTheStartKUntilItHasMeasurements() {
        OptimalK p = new OptimalK(3, 8);
        assertThat(p.nextK()).isEqualTo(3);
        for (int i = 0; i < 5; i++) {
            p.observe(new KPolicy.Observation(3, 3, 0.003, 0.2));
        }
        assertThat(p.acceptanceRate()).isGreaterThan(0.9);
        assertThat(p.nextK()).isEqualTo(8);
    }

    @Test
    void policyNamesAreParsedWithOneLineErrors() {
        assertThat(KPolicy.parse("fixed", 4, 8).nextK()).isEqualTo(4);
        assertThat(KPolicy.parse("BACKOFF", 4, 8)).isInstanceOf(BackoffK.class);
        assertThat(KPolicy.parse("optimal", 4, 8)).isInstanceOf(OptimalK.class);
        assertThatThrownBy(() -> KPolicy.parse("x", 4, 8)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("--policy 'x': allowed fixed, backoff, optimal, bandit, tracking");
        assertThat(KPolicy.parse("tracking", 4, 8)).isInstanceOf(TrackingK.class);
        assertThatThrownBy(() -> new FixedK(0)).hasMessageContaining("--k = 0");
    }

    @Test
    void trackingPlaysTheBestKForTheNewRoundTripTwentyFiveRoundsAfterAStep() {
        // acceptance per position 0.9, 0.85, 0.8, 0.7, 0.3, 0.2 (a draft that drifts), 100 tok/s drafting:
        // E(K) = 1.9, 2.665, 3.277, 3.705, 3.834, 3.860 and G(K) = E(K) / (K / 100 + RTT) peaks at K = 1 for RTT 10 ms
        // (95 tok/s, K = 2: 88.8) and at K = 4 for RTT 100 ms (26.5 tok/s, K = 3: 25.2, K = 5: 25.6)
        TrackingK p = new TrackingK(6, TrackingK.DEFAULT_WEIGHT, 7);
        SplittableRandom draws = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            play(p, draws, 0.01);
        }
        int[] counts = new int[7];
        for (int i = 0; i < 200; i++) {
            counts[play(p, draws, 0.01)]++;
        }
        assertThat(counts[1]).as("plays of K = 1 of 200 at RTT 10 ms: %s", java.util.Arrays.toString(counts))
                .isGreaterThan(160);
        for (int i = 0; i < 25; i++) {
            play(p, draws, 0.1);
        }
        assertThat(p.roundTripSeconds()).isGreaterThan(0.9 * 0.1);
        counts = new int[7];
        for (int i = 0; i < 200; i++) {
            counts[play(p, draws, 0.1)]++;
        }
        assertThat(counts[4]).as("plays of K = 4 of 200 at RTT 100 ms: %s", java.util.Arrays.toString(counts))
                .isGreaterThan(120);
        // what it learned per position gives every K's tokens per round, also K's it hardly played
        assertThat(p.tokensPerRound(4)).isCloseTo(3.705, org.assertj.core.data.Offset.offset(0.15));
    }

    /**
     * A slow drafting device (30 tok/s) behind a link that steps from 20 to 110 ms (q4_0 draft's acceptance per
     * position): K = 1 is best before the step, so positions 2.. are hardly tried; after it the best K is 4 (K = 3 and
     * 5 within 2 %, K = 2 6 % and K = 1 17 % behind). The prior of an untried position is the position before it, so
     * the policy reaches long drafts within a few dozen rounds (real runs had fewer than 100 rounds on the slower link).
     */
    @Test
    void trackingLeavesKOneSoonAfterAStepWhenLongerDraftsWereHardlyTried() {
        double[] accept = {0, 0.872, 0.845, 0.870, 0.891, 0.827, 0.767};
        int[] lateCounts = new int[7];
        for (long seed = 1; seed <= 5; seed++) {
            TrackingK p = new TrackingK(6, TrackingK.DEFAULT_WEIGHT, seed);
            SplittableRandom draws = new SplittableRandom(seed + 100);
            for (int i = 0; i < 300; i++) {
                play(p, draws, accept, 30, 0.02);
            }
            for (int i = 0; i < 20; i++) {
                play(p, draws, accept, 30, 0.11);
            }
            for (int i = 0; i < 60; i++) {
                lateCounts[play(p, draws, accept, 30, 0.11)]++;
            }
        }
        assertThat(lateCounts[3] + lateCounts[4] + lateCounts[5] + lateCounts[6])
                .as("plays of K >= 3 in rounds 21..80 after the step, 5 seeds: %s", java.util.Arrays.toString(lateCounts))
                .isGreaterThan(240);
    }

    /** One round from its first round on: no warm-up over every K, the largest K first, then the best for the link. */
    @Test
    void trackingNeedsNoWarmUpOverEveryK() {
        TrackingK p = new TrackingK(6, TrackingK.DEFAULT_WEIGHT, 5);
        SplittableRandom draws = new SplittableRandom(3);
        assertThat(play(p, draws, 0.01)).isEqualTo(6);
        int[] counts = new int[7];
        for (int i = 0; i < 60; i++) {
            counts[play(p, draws, 0.01)]++;
        }
        assertThat(counts[1] + counts[2]).as("plays of K = 1, 2 in rounds 2..61 at RTT 10 ms: %s",
                java.util.Arrays.toString(counts)).isGreaterThan(45);
    }

    @Test
    void trackingIsReproducibleForASeedAndRejectsAWeightOutsideZeroToOne() {
        TrackingK a = new TrackingK(6, 0.1, 3);
        TrackingK b = new TrackingK(6, 0.1, 3);
        SplittableRandom da = new SplittableRandom(1);
        SplittableRandom db = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            assertThat(play(a, da, 0.05)).isEqualTo(play(b, db, 0.05));
        }
        assertThatThrownBy(() -> new TrackingK(8, 0, 1)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("tracking weight = 0.0: allowed a number in (0, 1]");
        assertThatThrownBy(() -> new TrackingK(8, 1.5, 1)).hasMessageContaining("tracking weight = 1.5");
    }

    private static final double[] ACCEPT = {0, 0.9, 0.85, 0.8, 0.7, 0.3, 0.2};

    /**
     * One round at the policy's K: each drafted position accepted with its probability in {@link #ACCEPT} until the
     * first rejection (seeded draws), drafting at 100 tok/s; returns the K played.
     */
    private static int play(TrackingK p, SplittableRandom draws, double roundTrip) {
        return play(p, draws, ACCEPT, 100, roundTrip);
    }

    /** One round with acceptance {@code accept[i]} at position i and drafting at {@code draftSpeed} tok/s. */
    private static int play(TrackingK p, SplittableRandom draws, double[] accept, double draftSpeed,
                            double roundTrip) {
        int k = p.nextK();
        int accepted = 0;
        while (accepted < k && draws.nextDouble() < accept[accepted + 1]) {
            accepted++;
        }
        p.observe(new KPolicy.Observation(k, accepted, k / draftSpeed, roundTrip));
        return k;
    }
}
