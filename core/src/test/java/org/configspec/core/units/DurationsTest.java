package org.configspec.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** The one duration parser: every unit it accepts, its range, one-line errors, and seconds as the model reads them. */
class DurationsTest {
    @Test
    void acceptsMicrosMillisSecondsMinutesHoursAndPlainSeconds() {
        assertThat(Durations.parse("50ms", "--delay")).isEqualTo(Duration.ofMillis(50));
        assertThat(Durations.parse("0.05s", "--delay")).isEqualTo(Duration.ofMillis(50));
        assertThat(Durations.parse("0.05", "--delay")).isEqualTo(Duration.ofMillis(50));
        assertThat(Durations.parse(" 50MS ")).isEqualTo(Duration.ofMillis(50));
        assertThat(Durations.parse("250us", "--delay")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void secondsAreTheNearestDoubleToTheDecimalGiven() {
        // the analytic model reads --t-verify, --rtt, --verify-per-token as seconds: 40ms must be exactly 0.04
        assertThat(Durations.seconds(Durations.parse("40ms"))).isEqualTo(0.04);
        assertThat(Durations.seconds(Durations.parse("0.1"))).isEqualTo(0.1);
        assertThat(Durations.seconds(Durations.parse("0.3s"))).isEqualTo(0.3);
        assertThat(Durations.seconds(Durations.parse("0.01"))).isEqualTo(0.01);
    }

    @Test
    void badDurationsNameTheFlagAndValueOnOneLine() {
        for (String bad : new String[] {"fast", "-5ms", "", "5 minutes", "7200s", "2h", "1h30m", "NaN"}) {
            assertThatThrownBy(() -> Durations.parse(bad, "--delay")).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("--delay").hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("allowed").hasMessageNotContaining("\n");
        }
    }

    @Test
    void aNegativeDurationIsOutOfRangeNotUnparsable() {
        assertThatThrownBy(() -> Durations.parse("-1")).hasMessageStartingWith("'-1' is not a duration in [0, 1 h]");
        assertThatThrownBy(() -> Durations.parse("abc")).hasMessageStartingWith("'abc' is not a duration (allowed");
    }

    @Test
    void formatsWithTheLargestFittingUnit() {
        assertThat(Durations.format(Duration.ofMillis(50))).isEqualTo("50 ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.format(Duration.ofNanos(250_000))).isEqualTo("250 us");
    }

    @Test
    void checkRejectsNegativeAndTooLongDurations() {
        assertThatThrownBy(() -> Durations.check(Duration.ofMillis(-1), "link delay"))
                .hasMessageContaining("bad link delay");
        assertThatThrownBy(() -> Durations.check(Duration.ofHours(2), "link delay")).hasMessageContaining("[0, 1 h]");
        assertThat(Durations.check(Duration.ofSeconds(3), "x")).isEqualTo(Duration.ofSeconds(3));
    }
}
