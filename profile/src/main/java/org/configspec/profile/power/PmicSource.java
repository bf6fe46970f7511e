package org.configspec.profile.power;

import java.util.List;
import java.util.Objects;

/**
 * Raspberry Pi 5 PMIC power: runs {@code vcgencmd pmic_read_adc} per sample (a subprocess each time, so keep the
 * interval at 100 ms or more), sums V·I over the rails paired by name and applies the board calibration.
 */
public final class PmicSource implements PowerSource {
    public static final List<String> DEFAULT_COMMAND = List.of("vcgencmd", "pmic_read_adc");

    private final CommandRunner runner;
    private final List<String> command;
    private final PmicCalibration calibration;
    private final MeterInfo info;

    public PmicSource(CommandRunner runner, List<String> command, PmicCalibration calibration) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.command = List.copyOf(command);
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        List<PmicRail> rails = read();
        this.info = new MeterInfo("pmic", "Raspberry Pi 5 PMIC ADC ('" + String.join(" ", command) + "'), sum of V·I over "
                + rails.size() + " rails paired by name, calibrated as " + calibration.gain() + " × Σ + "
                + calibration.offsetWatts() + " W", rails.stream().map(PmicRail::name).toList(), false,
                calibration.equals(PmicCalibration.IDENTITY)
                        ? "uncalibrated PMIC rails: reads below wall power (PMIC losses, USB peripherals not included)"
                        : "PMIC rails with a board calibration");
    }

    private List<PmicRail> read() {
        CommandResult r = runner.run(command);
        return PmicParser.parse(r.output(), String.join(" ", command));
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public double readWatts() {
        double sum = 0;
        for (PmicRail rail : read()) {
            sum += rail.watts();
        }
        return calibration.apply(sum);
    }
}
