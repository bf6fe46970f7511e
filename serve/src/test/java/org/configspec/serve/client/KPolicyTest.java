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
                .hasMessage("--policy 'x': allowed fixed, backoff, optimal, bandit");
        assertThatThrownBy(() -> new FixedK(0)).hasMessageContaining("--k = 0");
    }
}
