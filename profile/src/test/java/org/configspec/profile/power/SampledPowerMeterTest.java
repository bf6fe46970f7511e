package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class SampledPowerMeterTest {
    static PowerSource constant(double watts) {
        return new PowerSource() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("test", "constant test source", List.of("R"), false, "");
            }

            @Override
            public double readWatts() {
                return watts;
            }
        };
    }

    @Test
    void energyCoversExactlyTheWindowFromEdgeSampleToEdgeSample() {
        var meter = new SampledPowerMeter(constant(3.0), Duration.ofMillis(1), Fixtures.steppingClock(1_000_000));
        var window = meter.start();
        WindowEnergy e = window.stop();
        assertThat(e.samples()).isGreaterThanOrEqualTo(2);
        assertThat(e.joules()).isCloseTo(3.0 * e.seconds(), within(1e-12));
        assertThat(e.meanWatts()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void stopIsIdempotent() {
        var meter = new SampledPowerMeter(constant(1.0), Duration.ofMillis(5), Fixtures.steppingClock(1_000_000));
        var window = meter.start();
        assertThat(window.stop()).isSameAs(window.stop());
    }

    @Test
    void backgroundSamplesAreTakenBetweenTheEdges() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        PowerSource counting = new PowerSource() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("test", "counting", List.of(), false, "");
            }

            @Override
            public double readWatts() {
                reads.incrementAndGet();
                return 2.0;
            }
        };
        var meter = new SampledPowerMeter(counting, Duration.ofMillis(1), Fixtures.steppingClock(1_000_000));
        var window = meter.start();
        // wait for the sampler thread (no timing assertion: we wait until it has sampled, however long it takes)
        while (reads.get() < 3) {
            Thread.sleep(1);
        }
        WindowEnergy e = window.stop();
        assertThat(e.samples()).isGreaterThanOrEqualTo(4);
        assertThat(e.joules()).isCloseTo(2.0 * e.seconds(), within(1e-12));
    }

    @Test
    void aFailingBackgroundReadingSurfacesAtStop() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        PowerSource failing = new PowerSource() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("test", "fails on the second reading", List.of(), false, "");
            }

            @Override
            public double readWatts() {
                if (reads.incrementAndGet() > 1) {
                    throw new ConfigSpecException("cannot read /sys/x: gone");
                }
                return 1.0;
            }
        };
        var meter = new SampledPowerMeter(failing, Duration.ofMillis(1), Fixtures.steppingClock(1_000_000));
        var window = meter.start();
        while (reads.get() < 2) {
            Thread.sleep(1);
        }
        assertThatThrownBy(window::stop).isInstanceOf(ConfigSpecException.class).hasMessageContaining("/sys/x");
    }

    @Test
    void aNonPositiveIntervalIsRejectedWithItsUnit() {
        assertThatThrownBy(() -> new SampledPowerMeter(constant(1), Duration.ZERO, System::nanoTime))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("0 ms");
    }
    @Test
    void stoppingDuringASlowBackgroundReadingIsNotAFailure() throws InterruptedException {
        java.util.concurrent.CountDownLatch slowReadStarted = new java.util.concurrent.CountDownLatch(1);
        PowerSource slowInBackground = new PowerSource() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("test", "slow subprocess-like reading", List.of(), false, "");
            }

            @Override
            public double readWatts() {
                if (Thread.currentThread().getName().startsWith("power-sampler")) {
                    slowReadStarted.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        throw new ConfigSpecException("interrupted while running 'vcgencmd pmic_read_adc'");
                    }
                }
                return 4.0;
            }
        };
        var meter = new SampledPowerMeter(slowInBackground, Duration.ofMillis(1), Fixtures.steppingClock(1_000_000));
        var window = meter.start();
        slowReadStarted.await();
        WindowEnergy e = window.stop();
        assertThat(e.samples()).isEqualTo(2);
        assertThat(e.joules()).isCloseTo(4.0 * e.seconds(), within(1e-12));
    }
}
