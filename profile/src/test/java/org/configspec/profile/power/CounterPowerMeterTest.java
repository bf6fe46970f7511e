package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CounterPowerMeterTest {
    @Test
    void readsTheCounterAtTheTwoWindowEdges() {
        AtomicLong microjoules = new AtomicLong(1_000_000);
        EnergyCounter counter = new EnergyCounter() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("test", "fake counter", List.of("pkg"), false, "");
            }

            @Override
            public double joules() {
                return microjoules.get() / 1e6;
            }
        };
        AtomicLong nanos = new AtomicLong(0);
        var meter = new CounterPowerMeter(counter, nanos::get);
        var window = meter.start();
        nanos.set(2_000_000_000L);
        microjoules.addAndGet(15_000_000);
        WindowEnergy e = window.stop();
        assertThat(e.seconds()).isEqualTo(2.0);
        assertThat(e.joules()).isCloseTo(15.0, within(1e-9));
        assertThat(e.meanWatts()).isCloseTo(7.5, within(1e-9));
        assertThat(e.samples()).isEqualTo(2);
    }
}
