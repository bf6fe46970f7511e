package org.configspec.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class MeasuredTest {

    @Test
    void fiveSamplesGiveMedianAndMinMaxWithTheirActualCoverage() {
        Measured m = Measured.median("tok/s", 5, 1, 4, 2, 3);
        assertThat(m.value()).isEqualTo(3);
        assertThat(m.interval().low()).isEqualTo(1);
        assertThat(m.interval().high()).isEqualTo(5);
        assertThat(m.interval().level()).isCloseTo(1 - 2.0 / 32, within(1e-12)); // 93.75 %: n = 5 cannot reach 95 %
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.aggregation()).isEqualTo(Aggregation.MEDIAN);
        assertThat(m.std()).isCloseTo(Math.sqrt(2.5), within(1e-12));
    }

    @Test
    void tenSamplesUseTheSecondOrderStatisticsForNinetyFivePercent() {
        Measured m = Measured.median("ms", 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(m.value()).isEqualTo(5.5);
        assertThat(m.interval().low()).isEqualTo(2);
        assertThat(m.interval().high()).isEqualTo(9);
        assertThat(m.interval().level()).isCloseTo(1 - 2 * 11.0 / 1024, within(1e-12)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void oneSampleHasNoCoverageAndNoStd() {
        Measured m = Measured.median("s", 0.25);
        assertThat(m.interval().low()).isEqualTo(0.25);
        assertThat(m.interval().high()).isEqualTo(0.25);
        assertThat(m.interval().level()).isZero();
        assertThat(m.std()).isNaN();
    }

    @Test
    void aMedianIsNamedAsSuchAndNotAMean() {
        Measured m = Measured.median("tok/s", 1, 2, 100);
        assertThat(m.value()).isEqualTo(2);
        assertThat(m.aggregation()).isEqualTo(Aggregation.MEDIAN);
        assertThat(m.min()).isEqualTo(1);
        assertThat(m.max()).isEqualTo(100);
        assertThat(m.n()).isEqualTo(3);
        Measured mean = Measured.mean("tok/s", new double[] {1, 2, 100, Double.NaN}, Interval.NONE);
        assertThat(mean.aggregation()).isEqualTo(Aggregation.MEAN);
        assertThat(mean.value()).isEqualTo(103.0 / 3);
        assertThat(mean.n()).isEqualTo(3);
    }

    @Test
    void badInputIsOneLine() {
        assertThatThrownBy(() -> Measured.median("tok/s")).isInstanceOf(ConfigSpecException.class)
                .hasMessage("tok/s: no samples to summarise");
        assertThatThrownBy(() -> Measured.median("tok/s", 1, Double.NaN)).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> new Measured("ms", Aggregation.MEDIAN, 5, new Interval(7, 6, 0.9, ""), 0, 5, 7, 3))
                .isInstanceOf(ConfigSpecException.class).hasMessage("interval low (7.0) must not exceed high (6.0)");
        assertThatThrownBy(() -> Measured.of("ms", Aggregation.MEAN, Double.POSITIVE_INFINITY))
                .isInstanceOf(ConfigSpecException.class).hasMessage("ms value must be a finite number, got Infinity");
    }
}
