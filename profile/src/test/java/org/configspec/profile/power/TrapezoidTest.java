package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrapezoidTest {
    @Test
    void constantPowerGivesPowerTimesWindow() {
        var s = List.of(new PowerSample(0, 4.0), new PowerSample(500_000_000, 4.0), new PowerSample(2_000_000_000, 4.0));
        assertThat(Trapezoid.joules(s)).isCloseTo(8.0, within(1e-12));
    }

    @Test
    void linearRampIsIntegratedExactlyWhateverTheSampleSpacing() {
        // P(t) = 2 + 3 t (W, t in s) over [0, 2] s: 4 + 6 = 10 J
        var s = List.of(new PowerSample(0, 2.0), new PowerSample(300_000_000, 2.9), new PowerSample(2_000_000_000, 8.0));
        assertThat(Trapezoid.joules(s)).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void fewerThanTwoSamplesSpanNoTime() {
        assertThat(Trapezoid.joules(List.of(new PowerSample(5, 9.0)))).isZero();
    }

    @Test
    void samplesOutOfTimeOrderAreRejected() {
        assertThatThrownBy(() -> Trapezoid.joules(List.of(new PowerSample(10, 1), new PowerSample(5, 1))))
                .hasMessageContaining("out of time order");
    }
}
