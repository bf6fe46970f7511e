package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

/** profile power's run: idle baseline, then the window under the chosen load; a constant meter nets zero above idle. */
class PowerRunTest {
    private static final PowerMeterSpec CONSTANT = PowerMeterSpec.of(MeterKind.CONSTANT).withConstantWatts(3.0)
            .withInterval(Duration.ofMillis(1));

    @Test
    void aConstantMeterNetsNothingAboveItsIdleBaselineUnderEitherLoad() {
        for (PowerRun.Load load : PowerRun.Load.values()) {
            PowerReport r = PowerRun.measure(CONSTANT, Duration.ofMillis(5), Duration.ofMillis(5), load);
            assertThat(r.meterKind()).isEqualTo("constant");
            assertThat(r.load()).isEqualTo(load.description());
            assertThat(r.idleSeconds()).isEqualTo(0.005);
            assertThat(r.measurement().idleWatts()).isCloseTo(3.0, within(1e-9));
            assertThat(r.measurement().netJoules()).isCloseTo(0.0, within(1e-9));
            assertThat(r.selection()).as("an explicit meter has no auto selection").isNull();
        }
    }

    @Test
    void emptyWindowsAreRefusedWithBothValues() {
        assertThatThrownBy(() -> PowerRun.measure(CONSTANT, Duration.ZERO, Duration.ofSeconds(1), PowerRun.Load.IDLE))
                .isInstanceOf(ConfigSpecException.class).hasMessage(
                        "--seconds and --idle-seconds must be > 0 s, got 1.0 s and 0.0 s");
    }
}
