package org.configspec.profile.power;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.configspec.core.error.ConfigSpecException;

/** The power meters, by their {@code --meter} name. */
public enum MeterKind {
    AUTO("auto"), RAPL("rapl"), PMIC("pmic"), HWMON("hwmon"), IIO("iio"), TEGRASTATS("tegrastats"),
    BATTERY("battery"), NVIDIA_SMI("nvidia-smi"), CSV("csv"), CPU_MODEL("cpu-model"), CONSTANT("constant");

    private final String cliName;

    MeterKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(MeterKind::cliName).collect(Collectors.joining("|"));
    }

    public static MeterKind parse(String name, String where) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (MeterKind k : values()) {
            if (k.cliName.equals(n)) {
                return k;
            }
        }
        throw new ConfigSpecException(where + ": unknown power meter '" + name + "'; allowed: " + allowed());
    }
}
