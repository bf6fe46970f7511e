package org.configspec.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/**
 * The service-time fit: it recovers known coefficients from synthetic measurements (exactly without noise, closely
 * with noise), never returns a negative cost, states the covered range, and refuses shapes that cannot separate the
 * terms.
 */
class ServiceTimeFitTest {
    private static final double A = 0.004;
    private static final double B = 0.00025;
    private static final double C = 0.0009;

    private static List<BatchTiming> grid(double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<BatchTiming> out = new ArrayList<>();
        for (int s : new int[] {1, 2, 4, 8, 16}) {
            for (int k : new int[] {1, 2, 4, 8, 16}) {
                double t = A + B * s * (k + 1) + C * s;
                out.add(new BatchTiming(s, k, t * (1 + noise * (2 * r.nextDouble() - 1)), 5));
            }
        }
        return out;
    }

    @Test
    void exactMeasurementsGiveTheCoefficientsBack() {
        ServiceTimeFit f = ServiceTimeFit.fit(grid(0, 1));
        assertThat(f.fixedS()).isCloseTo(A, within(1e-12));
        assertThat(f.perTokenS()).isCloseTo(B, within(1e-12));
        assertThat(f.perSessionS()).isCloseTo(C, within(1e-12));
        assertThat(f.r2()).isCloseTo(1, within(1e-12));
        assertThat(f.maxRelResidual()).isLessThan(1e-9);
        assertThat(f.range()).isEqualTo(new CalibratedRange(1, 16, 1, 16));
    }

    @Test
    void fivePercentNoiseStillRecoversTheCoefficientsClosely() {
        ServiceTimeFit f = ServiceTimeFit.fit(grid(0.05, 7));
        assertThat(f.perTokenS()).isCloseTo(B, within(B * 0.1));
        assertThat(f.perSessionS()).isCloseTo(C, within(C * 0.35));
        assertThat(f.fixedS()).isCloseTo(A, within(A * 0.35));
        assertThat(f.r2()).isGreaterThan(0.99);
        assertThat(f.maxRelResidual()).isBetween(0.0, 0.12);
    }

    @Test
    void aCostThatWouldComeOutNegativeIsZeroInstead() {
        // time falls slightly with sessions at fixed tokens: unconstrained least squares gives perSession < 0
        List<BatchTiming> shapes = List.of(new BatchTiming(1, 3, 0.010, 1), new BatchTiming(2, 1, 0.0095, 1),
                new BatchTiming(4, 1, 0.017, 1), new BatchTiming(1, 7, 0.018, 1), new BatchTiming(4, 3, 0.033, 1));
        ServiceTimeFit f = ServiceTimeFit.fit(shapes);
        assertThat(f.perSessionS()).isZero();
        assertThat(f.perTokenS()).isPositive();
        assertThat(f.fixedS()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void fewerThanThreeShapesAreRefusedWithOneLine() {
        assertThatThrownBy(() -> ServiceTimeFit.fit(List.of(new BatchTiming(1, 1, 0.01, 1))))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessage("service-time fit: 1 batch shapes measured; at least 3 are needed (several session counts"
                        + " and several K)");
    }

    @Test
    void theRangeCoversShapesInsideAndNotOutside() {
        CalibratedRange r = new CalibratedRange(1, 16, 1, 16);
        assertThat(r.covers(16, 16 * 17)).isTrue();
        assertThat(r.covers(1, 2)).isTrue();
        assertThat(r.covers(17, 17 * 2)).isFalse();
        assertThat(r.covers(1, 18)).isFalse();
        assertThat(r.covers(2, 3)).isFalse();
    }
}
