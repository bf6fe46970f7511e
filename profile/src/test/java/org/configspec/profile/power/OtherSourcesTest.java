package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherSourcesTest {
    @Test
    void batteryPowerNowIsMicrowattsAndSaysWholeSystemWhileDischarging() {
        var src = BatterySource.open(new Sysfs(Fixtures.path("battery-discharging")));
        assertThat(src.readWatts()).isCloseTo(19.195, within(1e-12));
        assertThat(src.info().caveat()).contains("whole system").contains("discharging");
        assertThat(src.info().method()).contains("power_now (µW)");
    }

    @Test
    void batteryWithoutPowerNowMultipliesCurrentByVoltage() {
        var src = BatterySource.open(new Sysfs(Fixtures.path("battery-current")));
        assertThat(src.readWatts()).isCloseTo(14.888, within(1e-12));
        assertThat(src.info().method()).contains("current_now (µA) × voltage_now (µV)");
    }

    @Test
    void batteryOnTheChargerRefusesToReport() {
        var src = BatterySource.open(new Sysfs(Fixtures.path("battery-charging")));
        assertThatThrownBy(src::readWatts).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("/sys/class/power_supply/BAT0/status is 'Charging'")
                .hasMessageContaining("only while discharging");
    }

    @Test
    void nvidiaSmiSumsTheGpusInWatts() {
        var src = new NvidiaSmiSource(new ProcessCommandRunner(), Fixtures.script("nvidia-smi/fake-nvidia-smi.sh"));
        assertThat(src.readWatts()).isCloseTo(139.73, within(1e-9));
        assertThat(src.info().rails()).containsExactly("GPU0", "GPU1");
        assertThat(src.info().caveat()).contains("GPU board power only");
    }

    @Test
    void nvidiaSmiNotAvailableIsExplained() {
        assertThatThrownBy(() -> new NvidiaSmiSource(new ProcessCommandRunner(), Fixtures.script("nvidia-smi/fake-nvidia-smi-na.sh")))
                .isInstanceOf(ConfigSpecException.class).hasMessageContaining("[N/A]");
    }

    @Test
    void cpuModelIsLabelledAnEstimate() {
        var src = new CpuUtilisationSource(new Sysfs(Fixtures.path("procstat-pi")), 2.0, 6.0);
        assertThat(src.info().estimate()).isTrue();
        assertThat(src.info().method()).startsWith("ESTIMATE");
        assertThat(src.info().caveat()).contains("ESTIMATE").contains("not a measurement");
        assertThat(src.readWatts()).isEqualTo(2.0); // no jiffies elapsed yet: idle power
    }

    @Test
    void cpuModelFollowsUtilisationDeltasOfProcStat(@TempDir Path dir) throws IOException {
        Path root = Fixtures.merged(dir, "procstat-pi");
        var src = new CpuUtilisationSource(new Sysfs(root), 2.0, 6.0);
        // +300 user, +100 idle jiffies: 75 % busy -> 2 + 4 × 0.75 = 5 W
        Files.writeString(root.resolve("proc/stat"), "cpu  1850 30 2105 190312 711 0 32 0 0 0\n");
        assertThat(src.readWatts()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void utilisationIgnoresIdleAndIowait() {
        long[] a = {100, 0, 0, 100, 100, 0, 0, 0};
        long[] b = {150, 0, 0, 125, 125, 0, 0, 0};
        assertThat(CpuUtilisationSource.utilisation(a, b)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void constantIsLabelledAsGivenByTheUser() {
        var src = new ConstantSource(4.5);
        assertThat(src.readWatts()).isEqualTo(4.5);
        assertThat(src.info().method()).contains("4.5 W as given by the user");
        assertThat(src.info().estimate()).isTrue();
        assertThatThrownBy(() -> new ConstantSource(-1)).isInstanceOf(ConfigSpecException.class).hasMessageContaining("-1.0 W");
    }
}
