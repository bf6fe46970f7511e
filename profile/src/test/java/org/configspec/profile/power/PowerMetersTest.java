package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerMetersTest {
    static PowerMeterSpec auto(Path root) {
        return PowerMeterSpec.of(MeterKind.AUTO).withRoot(root).withInterval(Duration.ofMillis(1));
    }

    @Test
    void autoPrefersTheRaplCounter(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "rapl-i5-13500", "procstat-pi");
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()))) {
            assertThat(m.info().kind()).isEqualTo("rapl");
            assertThat(PowerMeters.selection(m).chosen()).isEqualTo(MeterKind.RAPL);
            assertThat(m.info().caveat()).contains("chosen by auto: readable RAPL energy counters");
        }
    }

    @Test
    void autoFallsBackWhenRaplIsRootOnlyAndSaysWhy(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "rapl-i5-13500", "procstat-pi");
        Sysfs.FileReader rootOnly = f -> {
            if (f.getFileName().toString().equals("energy_uj")) {
                throw new AccessDeniedException(f.toString());
            }
            return Files.readString(f);
        };
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()).withReader(rootOnly))) {
            AutoSelection sel = PowerMeters.selection(m);
            assertThat(sel.chosen()).isEqualTo(MeterKind.CPU_MODEL);
            assertThat(sel.skipped().get(0)).startsWith("rapl (").contains("permission denied").contains("chmod");
            assertThat(m.info().estimate()).isTrue();
        }
    }

    @Test
    void autoFindsTheJetsonHwmonSensors(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "hwmon-agx-orin", "procstat-pi");
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()))) {
            assertThat(PowerMeters.selection(m).chosen()).isEqualTo(MeterKind.HWMON);
            assertThat(PowerMeters.selection(m).skipped()).hasSize(1);
        }
    }

    @Test
    void autoFindsTheJetPack4IioSensors(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "iio-nano", "procstat-pi");
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()))) {
            assertThat(PowerMeters.selection(m).chosen()).isEqualTo(MeterKind.IIO);
        }
    }

    @Test
    void autoUsesThePiPmicWhenVcgencmdAnswers(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "procstat-pi");
        var env = Fixtures.env(Fixtures.answering(Fixtures.text("pmic/pi5-pmic_read_adc.txt"), 0));
        try (PowerMeter m = PowerMeters.open(auto(root), env)) {
            assertThat(PowerMeters.selection(m).chosen()).isEqualTo(MeterKind.PMIC);
        }
    }

    @Test
    void autoSkipsABatteryOnTheCharger(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "battery-charging", "procstat-pi");
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()))) {
            AutoSelection sel = PowerMeters.selection(m);
            assertThat(sel.chosen()).isEqualTo(MeterKind.CPU_MODEL);
            assertThat(sel.skipped()).anySatisfy(s -> assertThat(s).startsWith("battery (").contains("Charging"));
        }
    }

    @Test
    void autoTakesADischargingBattery(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "battery-discharging", "procstat-pi");
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()))) {
            assertThat(PowerMeters.selection(m).chosen()).isEqualTo(MeterKind.BATTERY);
        }
    }

    @Test
    void autoOnAMachineWithoutSensorsEndsAtTheLabelledEstimate(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "procstat-pi");
        try (PowerMeter m = PowerMeters.open(auto(root), Fixtures.env(Fixtures.missingCommand()))) {
            AutoSelection sel = PowerMeters.selection(m);
            assertThat(sel.chosen()).isEqualTo(MeterKind.CPU_MODEL);
            assertThat(sel.reason()).contains("only an ESTIMATE");
            assertThat(sel.skipped()).extracting(s -> s.substring(0, s.indexOf(' ')))
                    .containsExactly("rapl", "hwmon", "iio", "pmic", "battery", "nvidia-smi");
            assertThat(m.info().estimate()).isTrue();
            assertThat(m.info().method()).startsWith("ESTIMATE");
        }
    }

    @Test
    void autoWithNothingAtAllListsWhatItTried(@TempDir Path dir) {
        assertThatThrownBy(() -> PowerMeters.open(auto(dir), Fixtures.env(Fixtures.missingCommand())))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("no power meter works")
                .hasMessageContaining("cpu-model (");
    }

    @Test
    void explicitMetersNeedTheirInputs() {
        var env = Fixtures.env(Fixtures.missingCommand());
        assertThatThrownBy(() -> PowerMeters.open(PowerMeterSpec.of(MeterKind.CONSTANT), env))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("--watts");
        assertThatThrownBy(() -> PowerMeters.open(PowerMeterSpec.of(MeterKind.CSV), env))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("--file");
        assertThatThrownBy(() -> MeterKind.parse("joulemeter", "--meter"))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("allowed: auto|rapl|pmic");
    }

    @Test
    void constantMeterMeasuresPowerTimesWindow() {
        var spec = PowerMeterSpec.of(MeterKind.CONSTANT).withConstantWatts(3.0).withInterval(Duration.ofMillis(1));
        try (PowerMeter m = PowerMeters.open(spec, Fixtures.env(Fixtures.missingCommand()))) {
            EnergyMeasurement e = new EnergyProfiler(m, d -> { }).measure(Duration.ofMillis(1), () -> { });
            assertThat(e.grossJoules()).isCloseTo(3.0 * e.windowSeconds(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(e.method()).contains("as given by the user");
        }
    }
    @Test
    void autoSkipsAPiWhoseFirmwareHasNoPmicCommand(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "procstat-pi");
        var env = Fixtures.env(Fixtures.answering(Fixtures.text("pmic/command-not-registered.txt"), 255));
        try (PowerMeter m = PowerMeters.open(auto(root), env)) {
            AutoSelection sel = PowerMeters.selection(m);
            assertThat(sel.chosen()).isEqualTo(MeterKind.CPU_MODEL);
            assertThat(sel.skipped()).anySatisfy(s -> assertThat(s).startsWith("pmic (").contains("Command not registered"));
        }
    }
}
