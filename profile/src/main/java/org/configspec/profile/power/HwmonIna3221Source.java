package org.configspec.profile.power;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;

/**
 * Jetson INA3221 power monitors through hwmon (JetPack 5/6): finds {@code
 * /sys/bus/i2c/devices/*}{@code /hwmon/hwmon*} whose {@code name} is {@code ina3221} — by name, because the hwmon
 * number changes between boots — and reads each channel's {@code inX_label}, {@code inX_input} (mV) and {@code
 * currX_input} (mA); the label is read from {@code inX_label} or, where the kernel puts it there, {@code
 * currX_label}. Channels labelled with {@code NC} (not connected) and the "sum of shunt voltages" channel are
 * skipped. The total follows {@link RailTotal}.
 */
public final class HwmonIna3221Source implements PowerSource {
    static final String I2C_DEVICES = "/sys/bus/i2c/devices";
    /** "NC" (not connected) as its own token: skips "NC", "NC 1", but not a rail such as "VDD_SYNC". */
    private static final Pattern NOT_CONNECTED = Pattern.compile("(?<![A-Za-z])NC(?![A-Za-z])");

    /** One labelled channel. */
    record Channel(String label, Path millivolts, Path milliamps) {
    }

    private final Sysfs fs;
    private final List<Channel> channels;
    private final MeterInfo info;

    private HwmonIna3221Source(Sysfs fs, List<Channel> channels) {
        this.fs = fs;
        this.channels = channels;
        RailTotal total = RailTotal.of(readRails());
        this.info = new MeterInfo("hwmon", "Jetson INA3221 via hwmon (" + I2C_DEVICES + "/*/hwmon/hwmon*/, name ina3221):"
                + " inX_input (mV) × currX_input (mA), " + total.scope(), total.rails(), false,
                total.rails().size() > 1 ? "module rails only; the carrier board is not measured" : "");
    }

    public static HwmonIna3221Source open(Sysfs fs) {
        List<Channel> channels = discover(fs);
        return new HwmonIna3221Source(fs, channels);
    }

    /** The usable channels of every ina3221 hwmon device under {@code fs}, in device and channel order. */
    static List<Channel> discover(Sysfs fs) {
        Path devices = fs.resolve(I2C_DEVICES);
        List<Channel> out = new ArrayList<>();
        int found = 0;
        for (Path device : fs.list(devices, n -> true)) {
            for (Path hwmon : fs.list(device.resolve("hwmon"), n -> n.startsWith("hwmon"))) {
                Path name = hwmon.resolve("name");
                if (!fs.exists(name) || !fs.read(name).equals("ina3221")) {
                    continue;
                }
                found++;
                // the label sits in inX_label (jetson_stats' reading) and/or currX_label, depending on the kernel
                Map<Integer, String> labels = new TreeMap<>();
                for (Path label : fs.list(hwmon, n -> n.matches("(in|curr)\\d+_label"))) {
                    String n = label.getFileName().toString();
                    int idx = Integer.parseInt(n.replaceAll("\\D", ""));
                    if (n.startsWith("in") || !labels.containsKey(idx)) {
                        labels.put(idx, fs.read(label));
                    }
                }
                for (Map.Entry<Integer, String> l : labels.entrySet()) {
                    int idx = l.getKey();
                    String text = l.getValue();
                    if (NOT_CONNECTED.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("sum of shunt")) {
                        continue;
                    }
                    Path mv = hwmon.resolve("in" + idx + "_input");
                    Path ma = hwmon.resolve("curr" + idx + "_input");
                    if (fs.exists(mv) && fs.exists(ma)) {
                        out.add(new Channel(text, mv, ma));
                    }
                }
            }
        }
        if (found == 0) {
            throw new ConfigSpecException("hwmon: no ina3221 device under " + fs.show(devices)
                    + "/*/hwmon/hwmon*/name (not a Jetson with JetPack 5/6; JetPack 4 uses --meter iio)");
        }
        if (out.isEmpty()) {
            throw new ConfigSpecException("hwmon: " + found + " ina3221 device(s) under " + fs.show(devices)
                    + " but no labelled channel with inX_input and currX_input");
        }
        return out;
    }

    private Map<String, Double> readRails() {
        Map<String, Double> rails = new LinkedHashMap<>();
        for (Channel c : channels) {
            double w = fs.readLong(c.millivolts(), "mV") * (double) fs.readLong(c.milliamps(), "mA") / 1e6;
            rails.merge(c.label(), w, Double::sum);
        }
        return rails;
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public double readWatts() {
        return RailTotal.of(readRails()).watts();
    }
}
