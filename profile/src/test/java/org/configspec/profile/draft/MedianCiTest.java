package org.configspec.profile.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Summary;
import org.junit.jupiter.api.Test;

class MedianCiTest {

    @Test
    void fiveSamplesGiveMedianAndMinMaxWithTheirActualCoverage() {
        MedianCi m = MedianCi.of("tok/s", 5, 1, 4, 2, 3);
        assertThat(m.value()).isEqualTo(3);
        assertThat(m.ciLow()).isEqualTo(1);
        assertThat(m.ciHigh()).isEqualTo(5);
        assertThat(m.ciLevel()).isCloseTo(1 - 2.0 / 32, within(1e-12)); // 93.75 %: n = 5 cannot reach 95 %
        assertThat(m.n()).isEqualTo(5);
        assertThat(m.aggregation()).isEqualTo("median");
        assertThat(m.std()).isCloseTo(Math.sqrt(2.5), within(1e-12));
    }

    @Test
    void tenSamplesUseTheSecondOrderStatisticsForNinetyFivePercent() {
        MedianCi m = MedianCi.of("ms", 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(m.value()).isEqualTo(5.5);
        assertThat(m.ciLow()).isEqualTo(2);
        assertThat(m.ciHigh()).isEqualTo(9);
        assertThat(m.ciLevel()).isCloseTo(1 - 2 * 11.0 / 1024, within(1e-12)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void oneSampleHasNoCoverageAndNoStd() {
        MedianCi m = MedianCi.of("s", 0.25);
        assertThat(m.ciLow()).isEqualTo(0.25);
        assertThat(m.ciHigh()).isEqualTo(0.25);
        assertThat(m.ciLevel()).isZero();
        assertThat(m.std()).isNaN();
    }

    @Test
    void summaryCarriesTheMedianInTheMeanSlot() {
        Summary s = MedianCi.of("tok/s", 1, 2, 100).toSummary();
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.n()).isEqualTo(3);
    }

    @Test
    void badInputIsOneLine() {
        assertThatThrownBy(() -> MedianCi.of("tok/s")).isInstanceOf(ConfigSpecException.class)
                .hasMessage("tok/s: no samples to summarise");
        assertThatThrownBy(() -> MedianCi.of("tok/s", 1, Double.NaN)).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> new MedianCi("ms", "median", 5, 6, 7, 0.9, 0, 5, 7, 3))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("must contain the value 5.0");
    }
}
