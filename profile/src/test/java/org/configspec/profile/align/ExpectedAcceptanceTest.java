package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** Sampling-mode acceptance: β = Σ min(p, q) and the expected accepted length of the rejection rule. */
class ExpectedAcceptanceTest {
    static final double[] P = {0.5, 0.3, 0.2, 0.0};
    static final double[] Q = {0.2, 0.3, 0.1, 0.4};

    @Test
    void overlapIsTheSumOfTheSmallerProbabilities() {
        assertThat(ExpectedAcceptance.overlap(P, Q)).isCloseTo(0.2 + 0.3 + 0.1 + 0.0, within(1e-12));
        assertThat(ExpectedAcceptance.overlap(P, P)).isCloseTo(1.0, within(1e-12));
        assertThat(ExpectedAcceptance.overlap(new double[] {1, 0}, new double[] {0, 1})).isZero();
    }

    @Test
    void overlapEqualsTheAcceptanceRateOfTheRejectionRuleSimulated() {
        SplittableRandom r = new SplittableRandom(7);
        int accepted = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            int x = draw(Q, r.nextDouble());
            if (r.nextDouble() < Math.min(1, P[x] / Q[x])) {
                accepted++;
            }
        }
        assertThat((double) accepted / n).isCloseTo(0.6, within(0.005));
    }

    @Test
    void expectedAcceptedLengthIsTheSumOfSurvivalProducts() {
        double[] beta = {0.5, 0.8, 1.0, 0.25};
        assertThat(ExpectedAcceptance.survival(beta, 0, 3)).containsExactly(0.5, 0.4, 0.4);
        assertThat(ExpectedAcceptance.expectedAccepted(beta, 0, 3)).isCloseTo(1.3, within(1e-12));
        assertThat(ExpectedAcceptance.expectedAccepted(beta, 1, 3)).isCloseTo(0.8 + 0.8 + 0.2, within(1e-12));
        // i.i.d. rate a: E[L] = a + a^2 + ... + a^K
        assertThat(ExpectedAcceptance.expectedAccepted(new double[] {0.6, 0.6, 0.6}, 0, 3))
                .isCloseTo(0.6 + 0.36 + 0.216, within(1e-12));
    }

    @Test
    void aRoundPastTheKnownPositionsIsAnError() {
        assertThatThrownBy(() -> ExpectedAcceptance.survival(new double[] {0.5, 0.5}, 1, 2))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("exceeds the 2 known positions");
    }

    private static int draw(double[] p, double u) {
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }
}
