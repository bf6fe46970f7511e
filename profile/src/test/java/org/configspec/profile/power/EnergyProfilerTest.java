package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class EnergyProfilerTest {
    /** A source whose power the test switches: idle before the work, busy during it. */
    static final class Switchable implements PowerSource {
        volatile double watts;

        Switchable(double watts) {
            this.watts = watts;
        }

        @Override
        public MeterInfo info() {
            return new MeterInfo("test", "switchable", List.of("R1", "R2"), false, "");
        }

        @Override
        public double readWatts() {
            return watts;
        }
    }

    @Test
    void netEnergyIsGrossMinusIdleBaselineTimesWindow() {
        Switchable src = new Switchable(5.0);
        var meter = new SampledPowerMeter(src, Duration.ofMillis(1), Fixtures.steppingClock(1_000_000));
        var profiler = new EnergyProfiler(meter, d -> { });
        double idle = profiler.idleWatts(Duration.ofMillis(10));
        assertThat(idle).isCloseTo(5.0, within(1e-12));
        src.watts = 8.0; // the work raises the power; every sample in the window sees 8 W
        EnergyMeasurement m = profiler.measure(idle, () -> { });
        assertThat(m.grossJoules()).isCloseTo(8.0 * m.windowSeconds(), within(1e-12));
        assertThat(m.netJoules()).isCloseTo(3.0 * m.windowSeconds(), within(1e-12));
        assertThat(m.idleWatts()).isEqualTo(5.0);
        assertThat(m.meanWatts()).isCloseTo(8.0, within(1e-12));
        assertThat(m.minWatts()).isEqualTo(8.0);
        assertThat(m.maxWatts()).isEqualTo(8.0);
        assertThat(m.rails()).containsExactly("R1", "R2");
        assertThat(m.method()).isEqualTo("switchable");
        assertThat(m.estimate()).isFalse();
    }

    @Test
    void measureWithIdleDurationRunsTheWorkOnceAfterTheBaseline() {
        Switchable src = new Switchable(2.0);
        var meter = new SampledPowerMeter(src, Duration.ofMillis(1), Fixtures.steppingClock(1_000_000));
        int[] runs = {0};
        EnergyMeasurement m = new EnergyProfiler(meter, d -> { }).measure(Duration.ofMillis(5), () -> runs[0]++);
        assertThat(runs[0]).isEqualTo(1);
        assertThat(m.idleWatts()).isCloseTo(2.0, within(1e-12));
        assertThat(m.netJoules()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void aZeroIdleDurationIsRejectedWithItsUnit() {
        var meter = new SampledPowerMeter(new Switchable(1), Duration.ofMillis(1), System::nanoTime);
        assertThatThrownBy(() -> new EnergyProfiler(meter, d -> { }).idleWatts(Duration.ZERO))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("0.0 s");
    }
}
