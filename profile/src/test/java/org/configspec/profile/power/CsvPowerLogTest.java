package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;

class CsvPowerLogTest {
    @Test
    void windowIsAlignedByTimeWithInterpolationAtBothEdges() {
        CsvPowerLog log = CsvPowerLog.read(Fixtures.path("csv/usb-meter.csv"));
        // edges at 1000.5 s (6 W interpolated) and 1002.5 s (6 W): 3.25 + 7 + 3.25 J
        WindowEnergy e = log.energyBetween(1000.5, 1002.5);
        assertThat(e.seconds()).isEqualTo(2.0);
        assertThat(e.joules()).isCloseTo(13.5, within(1e-9));
        assertThat(e.samples()).isEqualTo(4);
        assertThat(e.minWatts()).isCloseTo(6.0, within(1e-12));
        assertThat(e.maxWatts()).isEqualTo(7.0);
    }

    @Test
    void isoTimestampsWithAHeaderAreAccepted() {
        CsvPowerLog log = CsvPowerLog.read(Fixtures.path("csv/usb-meter-iso.csv"));
        double t0 = Instant.parse("2026-11-28T16:00:00Z").getEpochSecond();
        assertThat(log.energyBetween(t0, t0 + 2).joules()).isCloseTo(10.0, within(1e-9));
        assertThat(log.wattsAt(t0 + 1)).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void aWindowOutsideTheLogSaysWhatItCovers() {
        CsvPowerLog log = CsvPowerLog.read(Fixtures.path("csv/usb-meter.csv"));
        assertThatThrownBy(() -> log.energyBetween(999, 1001)).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("covers").hasMessageContaining("start the meter's log before");
    }

    @Test
    void aMalformedRowNamesTheLine() {
        assertThatThrownBy(() -> CsvPowerLog.parse("t,w\n1,2\n2,abc\n", "m.csv")).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("m.csv line 3");
    }

    @Test
    void csvMeterUsesTheWallClockAtTheWindowEdges() {
        Iterator<Instant> ticks = List.of(Instant.ofEpochMilli(1_000_250), Instant.ofEpochMilli(1_002_750)).iterator();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return ticks.next();
            }
        };
        var meter = new CsvPowerMeter(Fixtures.path("csv/usb-meter.csv"), clock);
        WindowEnergy e = meter.start().stop();
        assertThat(e.seconds()).isCloseTo(2.5, within(1e-9));
        // 1000.25 s → 5.5 W; 1002.75 s → 5.5 W: 0.75×6.25 + 7 + 0.75×6.25 J
        assertThat(e.joules()).isCloseTo(0.75 * 6.25 + 7 + 0.75 * 6.25, within(1e-9));
        assertThat(meter.info().method()).contains("aligned to the window");
    }
}
