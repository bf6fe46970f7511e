package org.configspec.profile.power;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;

/**
 * Jetson INA3221 power monitors through the JetPack ≤ 4 iio driver: {@code
 * /sys/bus/i2c/drivers/ina3221x/<bus-addr>/iio:deviceN/rail_name_K} and {@code in_powerK_input} (mW). The total
 * follows {@link RailTotal}: {@code POM_5V_IN} (Nano, TX2) or {@code VDD_IN} alone when present, else the sum
 * (AGX Xavier has no single input rail).
 */
public final class IioIna3221Source implements PowerSource {
    static final String DRIVER = "/sys/bus/i2c/drivers/ina3221x";

    record Rail(String name, Path milliwatts) {
    }

    private final Sysfs fs;
    private final List<Rail> rails;
    private final MeterInfo info;

    private IioIna3221Source(Sysfs fs, List<Rail> rails) {
        this.fs = fs;
        this.rails = rails;
        RailTotal total = RailTotal.of(readRails());
        this.info = new MeterInfo("iio", "Jetson INA3221 via iio (" + DRIVER + "/*/iio:device*/): in_powerN_input (mW), "
                + total.scope(), total.rails(), false, "");
    }

    public static IioIna3221Source open(Sysfs fs) {
        Path driver = fs.resolve(DRIVER);
        List<Rail> rails = new ArrayList<>();
        for (Path device : fs.list(driver, n -> n.matches("\\d+-[0-9a-fA-F]+"))) {
            for (Path iio : fs.list(device, n -> n.startsWith("iio:device") || n.equals("iio_device"))) {
                for (Path name : fs.list(iio, n -> n.matches("rail_name_\\d+"))) {
                    String idx = name.getFileName().toString().substring("rail_name_".length());
                    Path mw = iio.resolve("in_power" + idx + "_input");
                    if (fs.exists(mw)) {
                        rails.add(new Rail(fs.read(name), mw));
                    }
                }
            }
        }
        if (rails.isEmpty()) {
            throw new ConfigSpecException("iio: no rail_name_N with in_powerN_input under " + fs.show(driver)
                    + "/*/iio:device*/ (not a Jetson with JetPack 4 or older; JetPack 5/6 uses --meter hwmon)");
        }
        return new IioIna3221Source(fs, rails);
    }

    private Map<String, Double> readRails() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Rail r : rails) {
            out.merge(r.name(), fs.readLong(r.milliwatts(), "mW") / 1e3, Double::sum);
        }
        return out;
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
