package org.configspec.profile.power;

import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Laptop battery discharge power: {@code /sys/class/power_supply/BAT*}{@code /power_now} (µW), or {@code
 * current_now} (µA) × {@code voltage_now} (µV) where there is no {@code power_now}. It measures the whole system,
 * and only while the battery is discharging (on the charger it reads the charging power or nothing), so every
 * reading checks {@code status}.
 */
public final class BatterySource implements PowerSource {
    static final String POWER_SUPPLY = "/sys/class/power_supply";

    private final Sysfs fs;
    private final Path dir;
    private final boolean hasPower;
    private final MeterInfo info;

    private BatterySource(Sysfs fs, Path dir, boolean hasPower) {
        this.fs = fs;
        this.dir = dir;
        this.hasPower = hasPower;
        String bat = dir.getFileName().toString();
        this.info = new MeterInfo("battery", hasPower
                ? "battery discharge power " + POWER_SUPPLY + "/" + bat + "/power_now (µW)"
                : "battery discharge power " + POWER_SUPPLY + "/" + bat + "/current_now (µA) × voltage_now (µV)",
                List.of(bat), false, "whole system, valid only while the battery is discharging (charger unplugged)");
    }

    public static BatterySource open(Sysfs fs) {
        Path psu = fs.resolve(POWER_SUPPLY);
        for (Path bat : fs.list(psu, n -> n.startsWith("BAT"))) {
            if (fs.exists(bat.resolve("power_now"))) {
                return new BatterySource(fs, bat, true);
            }
            if (fs.exists(bat.resolve("current_now")) && fs.exists(bat.resolve("voltage_now"))) {
                return new BatterySource(fs, bat, false);
            }
        }
        throw new ConfigSpecException("battery: no " + POWER_SUPPLY + "/BAT*/power_now (or current_now and voltage_now) under "
                + fs.show(psu));
    }

    /** The battery's {@code status} text (Discharging, Charging, Full, Not charging, Unknown). */
    public String status() {
        Path s = dir.resolve("status");
        return fs.exists(s) ? fs.read(s) : "Unknown";
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public double readWatts() {
        String status = status();
        if (!status.equals("Discharging")) {
            throw new ConfigSpecException("battery: " + fs.show(dir.resolve("status")) + " is '" + status
                    + "'; battery power measures the system only while discharging: unplug the charger or choose another --meter");
        }
        if (hasPower) {
            return Math.abs(fs.readLong(dir.resolve("power_now"), "µW")) / 1e6;
        }
        double amps = Math.abs(fs.readLong(dir.resolve("current_now"), "µA")) / 1e6;
        double volts = fs.readLong(dir.resolve("voltage_now"), "µV") / 1e6;
        return amps * volts;
    }
}
