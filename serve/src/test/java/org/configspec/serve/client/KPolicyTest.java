package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        // committed tokens per round by K (not geometric), 100 tok/s drafting: G(K) = E(K) / (K / 100 + RTT) peaks at
        // K = 1 for RTT 10 ms (95 tok/s, K = 2: 90) and at K = 4 for RTT 100 ms (26.4 tok/s, K = 3: 25.4, K = 5: 24.7)
        TrackingK p = new TrackingK(6, TrackingK.DEFAULT_WEIGHT, 7);
        double[] e = {0, 1.9, 2.7, 3.3, 3.7, 3.7, 3.7};
        for (int i = 0; i < 2_000; i++) {
            play(p, e, 0.01);
        }
        int[] counts = new int[7];
        for (int i = 0; i < 200; i++) {
            counts[play(p, e, 0.01)]++;
        }
        assertThat(counts[1]).as("plays of K = 1 of 200 at RTT 10 ms: %s", java.util.Arrays.toString(counts))
                .isGreaterThan(160);
        for (int i = 0; i < 25; i++) {
            play(p, e, 0.1);
        }
        assertThat(p.roundTripSeconds()).isGreaterThan(0.9 * 0.1);
        counts = new int[7];
        for (int i = 0; i < 200; i++) {
            counts[play(p, e, 0.1)]++;
        }
        assertThat(counts[4]).as("plays of K = 4 of 200 at RTT 100 ms: %s", java.util.Arrays.toString(counts))
                .isGreaterThan(120);
    }

    @Test
    void trackingIsReproducibleForASeedAndRejectsAWeightOutsideZeroToOne() {
        TrackingK a = new TrackingK(6, 0.1, 3);
        TrackingK b = new TrackingK(6, 0.1, 3);
        double[] e = {0, 1.9, 2.7, 3.3, 3.7, 3.7, 3.7};
        for (int i = 0; i < 300; i++) {
            assertThat(play(a, e, 0.05)).isEqualTo(play(b, e, 0.05));
        }
        assertThatThrownBy(() -> new TrackingK(8, 0, 1)).isInstanceOf(ConfigSpecException.class)
                .hasMessage("tracking weight = 0.0: allowed a number in (0, 1]");
        assertThatThrownBy(() -> new TrackingK(8, 1.5, 1)).hasMessageContaining("tracking weight = 1.5");
    }

    /**
     * One round at the policy's K: accepted tokens alternate around E(K) − 1 (floor and ceiling in the right
     * proportion, deterministic), drafting at 100 tok/s; returns the K played.
     */
    private static int play(TrackingK p, double[] e, double roundTrip) {
        int k = p.nextK();
        double want = e[k] - 1;
        long r = p.counters().rounds();
        int accepted = (int) Math.floor(want) + (((r * 0.618034) % 1) < want - Math.floor(want) ? 1 : 0);
        p.observe(new KPolicy.Observation(k, Math.min(k, accepted), k / 100.0, roundTrip));
        return k;
    }
}
