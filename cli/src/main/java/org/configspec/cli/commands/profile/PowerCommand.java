package org.configspec.cli.commands.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.TableOrJson;
import org.configspec.profile.power.MeterKind;
import org.configspec.profile.power.PmicCalibration;
import org.configspec.profile.power.PowerMeterSpec;
import org.configspec.profile.power.PowerReport;
import org.configspec.profile.power.PowerRun;
import org.configspec.profile.power.PowerReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec profile power: idle baseline, then one measured window, on the chosen power meter. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Measures power on this device: the idle baseline first, then a window while a simple CPU load runs"
                + " (or while idle), and prints the method, rails, mean power (W) and gross and net energy (J)."
                + " --meter auto tries rapl, hwmon, iio, pmic, battery, nvidia-smi, then the cpu-model ESTIMATE.")
public final class PowerCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--meter", defaultValue = "auto", paramLabel = "KIND",
            description = "auto|rapl|pmic|hwmon|iio|tegrastats|battery|nvidia-smi|csv|cpu-model|constant.")
    MeterKind meter;

    @Option(names = "--root", defaultValue = "/", paramLabel = "DIR",
            description = "Filesystem root under which /sys and /proc are read (a fixture tree in tests).")
    Path root;

    @Option(names = "--command", paramLabel = "CMD",
            description = "Command for pmic, tegrastats or nvidia-smi, split at spaces (default: the meter's usual command).")
    String command;

    @Option(names = "--file", paramLabel = "F", description = "CSV log (timestamp,watts) for csv; a tegrastats --logfile for tegrastats.")
    Path file;

    @Option(names = "--idle-seconds", defaultValue = "3", paramLabel = "DURATION",
            description = "Idle baseline length (seconds, or 500ms, 1m).")
    Duration idleSeconds;

    @Option(names = "--seconds", defaultValue = "5", paramLabel = "DURATION",
            description = "Measured window length (seconds, or 500ms, 1m).")
    Duration seconds;

    @Option(names = "--interval-ms", defaultValue = "200", paramLabel = "N", description = "Sampling interval (ms).")
    long intervalMs;

    @Option(names = "--load", defaultValue = "cpu", paramLabel = "cpu|idle",
            description = "What runs during the window: one busy CPU thread, or nothing.")
    PowerRun.Load load;

    @Option(names = "--watts", paramLabel = "W", description = "Power (W) for --meter constant.")
    Double watts;

    @Option(names = "--model-idle-watts", defaultValue = "2.0", paramLabel = "W",
            description = "Idle power (W) of the cpu-model ESTIMATE.")
    double modelIdleWatts;

    @Option(names = "--model-max-watts", defaultValue = "8.0", paramLabel = "W",
            description = "Full-load power (W) of the cpu-model ESTIMATE.")
    double modelMaxWatts;

    @Option(names = "--pmic-gain", defaultValue = "1.0", description = "PMIC calibration: W = gain × Σ(V·I) + offset.")
    double pmicGain;

    @Option(names = "--pmic-offset-watts", defaultValue = "0.0", paramLabel = "W", description = "PMIC calibration offset (W).")
    double pmicOffset;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format.")
    TableOrJson format;

    @Override
    public Integer call() {
        PowerMeterSpec ps = PowerMeterSpec.of(meter)
                .withRoot(root)
                .withCommand(command == null ? List.of() : Arrays.asList(command.trim().split("\\s+")))
                .withFile(file)
                .withInterval(Duration.ofMillis(intervalMs))
                .withModel(modelIdleWatts, modelMaxWatts)
                .withPmicCalibration(new PmicCalibration(pmicGain, pmicOffset));
        if (watts != null) {
            ps = ps.withConstantWatts(watts);
        }
        PowerReport report = PowerRun.measure(ps, idleSeconds, seconds, load);
        var out = spec.commandLine().getOut();
        out.print(format == TableOrJson.JSON ? PowerReportWriter.json(report) : PowerReportWriter.table(report));
        out.flush();
        return 0;
    }
}
