package org.configspec.serve.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.acceptance.MeasuredAlphaCurve;
import org.junit.jupiter.api.Test;

/** The stored-profile policy picks the analytic model's goodput-optimal K for the measured verify time. */
class ProfiledOptimalKTest {
    @Test
    void slowerVerificationNeverShrinksKAndMatchesBruteForce() {
        IidCurve curve = new IidCurve(0.8);
        ProfiledOptimalK p = new ProfiledOptimalK(curve, curve, 200, 2, 16);
        int previous = 0;
        for (double tv : new double[] {0.001, 0.01, 0.05, 0.2, 1.0}) {
            int k = p.best(tv);
            assertThat(k).isGreaterThanOrEqualTo(previous);
            previous = k;
            double best = -1;
            int bruteK = 0;
            for (int j = 1; j <= 16; j++) {
                double g = curve.tokensPerRound(j) / (j / 200.0 + tv);
                if (g > best + 1e-12) {
                    best = g;
                    bruteK = j;
                }
            }
            assertThat(k).isEqualTo(bruteK);
        }
    }

    @Test
    void usesTheFallbackWhereTheStoredCurveHasNoValue() {
        TreeMap<Integer, Double> alpha = new TreeMap<>();
        alpha.put(1, 0.1);
        alpha.put(2, 0.1);
        // measured only at K = 1, 2 (poor); the fallback says K = 8 is worth it at a slow verify
        ProfiledOptimalK p = new ProfiledOptimalK(new MeasuredAlphaCurve(alpha), new IidCurve(0.95), 500, 1, 8);
        assertThat(p.best(1.0)).isGreaterThan(2);
    }
}
