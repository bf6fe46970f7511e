package org.configspec.profile.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplCounterTest {
    static final String PKG = "sys/class/powercap/intel-rapl:0/energy_uj";

    @Test
    void sumsThePackageZoneAndNotItsCoreAndUncoreSubZones() {
        var zones = RaplCounter.zones(new Sysfs(Fixtures.path("rapl-i5-13500")));
        assertThat(zones).extracting(RaplZone::name).containsExactly("package-0");
        assertThat(zones.get(0).maxEnergyRangeMicrojoules()).isEqualTo(262_143_328_850L);
        RaplCounter c = RaplCounter.open(new Sysfs(Fixtures.path("rapl-i5-13500")));
        assertThat(c.info().rails()).containsExactly("package-0 (intel-rapl:0)");
        assertThat(c.info().estimate()).isFalse();
        assertThat(c.joules()).isZero(); // unchanged counter since open
    }

    @Test
    void counterIncreaseBecomesJoules(@TempDir Path dir) throws IOException {
        Path root = Fixtures.merged(dir, "rapl-i5-13500");
        RaplCounter c = RaplCounter.open(new Sysfs(root));
        Files.writeString(root.resolve(PKG), "66009277274\n"); // +12 000 000 µJ
        assertThat(c.joules()).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void counterThatDecreasedWrappedAtMaxEnergyRange(@TempDir Path dir) throws IOException {
        Path root = Fixtures.merged(dir, "rapl-i5-13500");
        Files.writeString(root.resolve(PKG), "262141328850\n"); // 2 000 000 µJ below the wrap point
        RaplCounter c = RaplCounter.open(new Sysfs(root));
        Files.writeString(root.resolve(PKG), "3000000\n"); // wrapped, then 3 000 000 µJ more
        assertThat(c.joules()).isCloseTo(5.0, within(1e-9));
        Files.writeString(root.resolve(PKG), "4000000\n");
        assertThat(c.joules()).isCloseTo(6.0, within(1e-9));
    }

    @Property
    void wrapAroundDeltaIsTheForwardDistanceModuloTheRange(@ForAll @LongRange(min = 0, max = 262_143_328_849L) long before,
            @ForAll @LongRange(min = 0, max = 262_143_328_849L) long after) {
        RaplZone z = new RaplZone("intel-rapl:0", "package-0", Path.of("energy_uj"), 262_143_328_850L);
        long d = z.delta(before, after);
        assertThat(d).isBetween(0L, 262_143_328_849L);
        assertThat((before + d) % 262_143_328_850L).isEqualTo(after);
    }

    @Test
    void permissionDeniedSaysHowToFixItWithoutCrashing() {
        Sysfs.FileReader rootOnly = file -> {
            if (file.getFileName().toString().equals("energy_uj")) {
                throw new AccessDeniedException(file.toString());
            }
            return Files.readString(file);
        };
        assertThatThrownBy(() -> RaplCounter.open(new Sysfs(Fixtures.path("rapl-i5-13500"), rootOnly)))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("permission denied reading /sys/class/powercap/intel-rapl:0/energy_uj")
                .hasMessageContaining("CVE-2020-8694")
                .hasMessageContaining("chmod a+r")
                .hasMessageContaining("udev rule")
                .hasMessageNotContaining("\n");
    }

    @Test
    void noPowercapZonesIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> RaplCounter.open(new Sysfs(dir)))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("no /sys/class/powercap/intel-rapl:N zones");
    }
}
