package org.configspec.profile.power;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Linux powercap RAPL ({@code /sys/class/powercap/intel-rapl:N[:M]/energy_uj}, µJ; also used for AMD on recent
 * kernels). Sums the package zones ({@code package-N}) and the DRAM zones (which packages do not include); the
 * core/uncore sub-zones are part of their package and are not added. Falls back to {@code psys} alone when there
 * is no package zone. A counter that went down wrapped at {@code max_energy_range_uj} and is unfolded; reading at
 * least once per wrap period (hours at desktop power) is enough.
 */
public final class RaplCounter implements EnergyCounter {
    static final String POWERCAP = "/sys/class/powercap";

    private final Sysfs fs;
    private final List<RaplZone> zones;
    private final long[] last;
    private final long[] total;
    private final MeterInfo info;

    private RaplCounter(Sysfs fs, List<RaplZone> zones) {
        this.fs = fs;
        this.zones = zones;
        this.last = new long[zones.size()];
        this.total = new long[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            last[i] = readCounter(fs, zones.get(i));
        }
        List<String> rails = zones.stream().map(z -> z.name() + " (" + z.id() + ")").toList();
        this.info = new MeterInfo("rapl", "Linux powercap RAPL energy counters (energy_uj, µJ) read at the window edges, "
                + "wrap-around at max_energy_range_uj unfolded", rails, false,
                "CPU package (and DRAM where exposed) only, not the whole system");
    }

    /** Opens the RAPL zones under {@code fs}; a clear {@link ConfigSpecException} when absent or unreadable. */
    public static RaplCounter open(Sysfs fs) {
        return new RaplCounter(fs, zones(fs));
    }

    /** The zones that {@link #open} would sum, without reading their counters. */
    public static List<RaplZone> zones(Sysfs fs) {
        Path dir = fs.resolve(POWERCAP);
        List<Path> top = fs.list(dir, n -> n.matches("intel-rapl:\\d+"));
        if (top.isEmpty()) {
            throw new ConfigSpecException("RAPL: no " + POWERCAP + "/intel-rapl:N zones under " + fs.show(dir)
                    + " (not an Intel/AMD x86 machine, or the intel_rapl_common module is not loaded)");
        }
        List<RaplZone> packages = new ArrayList<>();
        List<RaplZone> psys = new ArrayList<>();
        for (Path z : top) {
            RaplZone zone = zone(fs, z);
            if (zone.name().startsWith("package")) {
                packages.add(zone);
                for (Path sub : fs.list(dir, n -> n.startsWith(z.getFileName() + ":"))) {
                    RaplZone s = zone(fs, sub);
                    if (s.name().equals("dram")) {
                        packages.add(s);
                    }
                }
            } else if (zone.name().equals("dram")) {
                packages.add(zone);
            } else if (zone.name().equals("psys")) {
                psys.add(zone);
            }
        }
        List<RaplZone> chosen = packages.isEmpty() ? psys : packages;
        if (chosen.isEmpty()) {
            throw new ConfigSpecException("RAPL: no package, dram or psys zone among " + top.size() + " zones under " + fs.show(dir));
        }
        return chosen;
    }

    private static RaplZone zone(Sysfs fs, Path dir) {
        String name = fs.read(dir.resolve("name"));
        long max = fs.readLong(dir.resolve("max_energy_range_uj"), "µJ");
        if (max <= 0) {
            throw new ConfigSpecException("RAPL: " + fs.show(dir.resolve("max_energy_range_uj")) + " is " + max
                    + " µJ; expected the counter's wrap-around point (> 0 µJ)");
        }
        return new RaplZone(dir.getFileName().toString(), name, dir.resolve("energy_uj"), max);
    }

    static long readCounter(Sysfs fs, RaplZone zone) {
        String text;
        try {
            text = fs.readRaw(zone.energyFile());
        } catch (AccessDeniedException e) {
            throw permissionDenied(fs, zone);
        } catch (IOException e) {
            throw new ConfigSpecException("RAPL: cannot read " + fs.show(zone.energyFile()) + ": " + e.getMessage());
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("RAPL: " + fs.show(zone.energyFile()) + " holds '" + text + "', expected an integer in µJ");
        }
    }

    static ConfigSpecException permissionDenied(Sysfs fs, RaplZone zone) {
        return new ConfigSpecException("RAPL: permission denied reading " + fs.show(zone.energyFile())
                + " (energy_uj is root-only since the PLATYPUS fix, CVE-2020-8694); allow reading with "
                + "'sudo chmod a+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*:*/energy_uj' "
                + "(until reboot) or a udev rule in /etc/udev/rules.d/99-rapl.rules: "
                + "ACTION==\"add\", SUBSYSTEM==\"powercap\", RUN+=\"/bin/chmod a+r /sys%p/energy_uj\"; "
                + "or run as root, or choose another --meter (auto falls back to the cpu-model estimate)");
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public synchronized double joules() {
        long sum = 0;
        for (int i = 0; i < zones.size(); i++) {
            long now = readCounter(fs, zones.get(i));
            total[i] += zones.get(i).delta(last[i], now);
            last[i] = now;
            sum += total[i];
        }
        return sum / 1e6;
    }
}
