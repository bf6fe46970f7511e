package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JetsonSourcesTest {
    static final double AGX_ORIN_WATTS = (843 * 6170 + 780 * 3437 + 4968 * 953 + 1800 * 341) / 1e6;

    @Test
    void hwmonFindsIna3221ByNameSkipsNcAndShuntSumAndSumsTheModuleRails() {
        var src = HwmonIna3221Source.open(new Sysfs(Fixtures.path("hwmon-agx-orin")));
        assertThat(src.info().rails()).containsExactly("VDD_GPU_SOC", "VDD_CPU_CV", "VIN_SYS_5V0", "VDDQ_VDD2_1V8AO");
        assertThat(src.readWatts()).isCloseTo(AGX_ORIN_WATTS, within(1e-12));
        assertThat(src.info().method()).contains("mV").contains("mA");
        assertThat(src.info().caveat()).contains("carrier board is not measured");
    }

    @Test
    void hwmonDiscoveryDoesNotDependOnTheHwmonNumber(@TempDir Path dir) throws IOException {
        Path root = Fixtures.merged(dir, "hwmon-agx-orin");
        Path hw = root.resolve("sys/bus/i2c/devices/1-0040/hwmon");
        Files.move(hw.resolve("hwmon3"), hw.resolve("hwmon9"));
        assertThat(HwmonIna3221Source.open(new Sysfs(root)).readWatts()).isCloseTo(AGX_ORIN_WATTS, within(1e-12));
    }

    @Test
    void hwmonWithoutIna3221SaysSo(@TempDir Path dir) {
        Path root = Fixtures.merged(dir, "iio-nano");
        assertThatThrownBy(() -> HwmonIna3221Source.open(new Sysfs(root)))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("no ina3221 device");
    }

    @Test
    void iioUsesTheBoardInputRailAloneWhenPresent() {
        var src = IioIna3221Source.open(new Sysfs(Fixtures.path("iio-nano")));
        assertThat(src.info().rails()).containsExactly("POM_5V_IN");
        assertThat(src.readWatts()).isCloseTo(4.520, within(1e-12));
        assertThat(src.info().method()).contains("mW").contains("total");
    }

    @Test
    void tegrastatsOrinFormatWithUnitsSumsTheRails() {
        String line = Fixtures.text("tegrastats/agx-orin-jp6.log").lines().findFirst().orElseThrow();
        Map<String, Double> rails = TegrastatsParser.railsMilliwatts(line, "t");
        assertThat(rails).containsExactly(Map.entry("VDD_GPU_SOC", 1995.0), Map.entry("VDD_CPU_CV", 0.0),
                Map.entry("VIN_SYS_5V0", 2524.0));
        assertThat(RailTotal.of(TegrastatsParser.railsWatts(line, "t")).watts()).isCloseTo(4.519, within(1e-12));
    }

    @Test
    void tegrastatsJetPack4FormatWithoutUnitsUsesTheInputRail() {
        String nano = Fixtures.text("tegrastats/nano-jp4.log").trim();
        assertThat(TegrastatsParser.railsMilliwatts(nano, "t")).containsOnlyKeys("POM_5V_IN", "POM_5V_GPU", "POM_5V_CPU");
        RailTotal total = RailTotal.of(TegrastatsParser.railsWatts(nano, "t"));
        assertThat(total.watts()).isCloseTo(4.520, within(1e-12));
        assertThat(total.rails()).containsExactly("POM_5V_IN");
        String tx2 = Fixtures.text("tegrastats/tx2-jp4.log").trim();
        assertThat(TegrastatsParser.railsMilliwatts(tx2, "t")).doesNotContainKeys("RAM", "SWAP", "NVENC", "NVDEC", "APE")
                .containsEntry("VDD_DDR", 2702.0);
        assertThat(RailTotal.of(TegrastatsParser.railsWatts(tx2, "t")).watts()).isCloseTo(14.025, within(1e-12));
    }

    @Test
    void tegrastatsLineWithoutRailsIsAClearError() {
        assertThatThrownBy(() -> TegrastatsParser.railsMilliwatts("RAM 3468/3983MB (lfb 48x4MB) cpu [17%,13%]@408", "log x"))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("log x: no power rail");
    }

    @Test
    void tegrastatsFromALogFileReadsItsLastLine() {
        var src = TegrastatsSource.fromLogFile(Fixtures.path("tegrastats/agx-orin-jp6.log"));
        assertThat(src.readWatts()).isCloseTo(4.519, within(1e-12));
        assertThat(src.info().rails()).containsExactly("VDD_GPU_SOC", "VDD_CPU_CV", "VIN_SYS_5V0");
    }

    @Test
    void tegrastatsFromARunningCommandKeepsTheLatestLine() {
        try (var src = TegrastatsSource.fromCommand(Fixtures.script("tegrastats/fake-tegrastats.sh"), Duration.ofSeconds(30))) {
            assertThat(src.readWatts()).isCloseTo(4.519, within(1e-12));
            assertThat(src.info().method()).contains("fake-tegrastats.sh");
        }
    }
    @Test
    void aBoardInputRailIsTheTotalAndTheOtherRailsAreNotAddedToIt() {
        // Orin Nano/NX label their INA3221 channels VDD_IN, VDD_CPU_GPU_CV, VDD_SOC: VDD_IN already contains the others
        var rails = new java.util.LinkedHashMap<String, Double>();
        rails.put("VDD_IN", 5.0);
        rails.put("VDD_CPU_GPU_CV", 2.0);
        rails.put("VDD_SOC", 1.0);
        RailTotal t = RailTotal.of(rails);
        assertThat(t.watts()).isEqualTo(5.0);
        assertThat(t.rails()).containsExactly("VDD_IN");
        assertThat(t.scope()).contains("board input rail VDD_IN");
    }

    @Test
    void tegrastatsLogTailIsReadEvenWhenTheLogIsLong(@TempDir Path dir) throws IOException {
        String line = Fixtures.text("tegrastats/agx-orin-jp6.log").lines().findFirst().orElseThrow();
        Path log = dir.resolve("t.log");
        Files.writeString(log, (line + "\n").repeat(500) + "\n\n");
        assertThat(TegrastatsSource.lastLine(log, "log")).isEqualTo(line);
    }
    @Test
    void hwmonLabelsAreAlsoFoundInCurrLabelFiles(@TempDir Path dir) throws IOException {
        Path root = Fixtures.merged(dir, "hwmon-agx-orin");
        Path h = root.resolve("sys/bus/i2c/devices/1-0040/hwmon/hwmon3");
        Files.move(h.resolve("in2_label"), h.resolve("curr2_label"));
        var src = HwmonIna3221Source.open(new Sysfs(root));
        assertThat(src.info().rails()).containsExactly("VDD_GPU_SOC", "VDD_CPU_CV", "VIN_SYS_5V0", "VDDQ_VDD2_1V8AO");
        assertThat(src.readWatts()).isCloseTo(AGX_ORIN_WATTS, within(1e-12));
    }
}
