package org.configspec.profile.power;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Opens a {@link PowerMeter} from a {@link PowerMeterSpec}. {@code auto} tries, in this order, and takes the first
 * that works on this machine:
 * <ol>
 * <li>{@code rapl} — an energy counter read at the exact window edges (x86 CPU package + DRAM);</li>
 * <li>{@code hwmon} — Jetson INA3221, JetPack 5/6;</li>
 * <li>{@code iio} — Jetson INA3221, JetPack ≤ 4;</li>
 * <li>{@code pmic} — Raspberry Pi 5 ({@code vcgencmd pmic_read_adc});</li>
 * <li>{@code battery} — whole system, only when discharging now;</li>
 * <li>{@code nvidia-smi} — discrete NVIDIA GPU board power;</li>
 * <li>{@code cpu-model} — an ESTIMATE from CPU utilisation, when nothing above exists.</li>
 * </ol>
 * {@code tegrastats} is never probed (it reads the same sensors as hwmon/iio, at a lower rate), nor are {@code csv}
 * and {@code constant}, which need the user's input.
 */
public final class PowerMeters {
    static final List<MeterKind> AUTO_ORDER = List.of(MeterKind.RAPL, MeterKind.HWMON, MeterKind.IIO, MeterKind.PMIC,
            MeterKind.BATTERY, MeterKind.NVIDIA_SMI, MeterKind.CPU_MODEL);

    private PowerMeters() {
    }

    /** Opens the meter the spec names on this machine. */
    public static PowerMeter open(PowerMeterSpec spec) {
        return open(spec, PowerEnvironment.system());
    }

    public static PowerMeter open(PowerMeterSpec spec, PowerEnvironment env) {
        if (spec.kind() == MeterKind.AUTO) {
            List<String> skipped = new ArrayList<>();
            for (MeterKind k : AUTO_ORDER) {
                try {
                    PowerMeter m = openKind(spec.withKind(k).withCommand(List.of()), env, true);
                    AutoSelection sel = new AutoSelection(k, reason(k, m.info()), skipped);
                    return new AutoMeter(m, sel);
                } catch (ConfigSpecException e) {
                    skipped.add(k.cliName() + " (" + e.getMessage() + ")");
                }
            }
            throw new ConfigSpecException("--meter auto: no power meter works on this machine, not even the cpu-model"
                    + " estimate; tried " + String.join("; ", skipped));
        }
        return openKind(spec, env, false);
    }

    /** The auto choice behind a meter opened with {@code auto}, or null for an explicitly chosen meter. */
    public static AutoSelection selection(PowerMeter meter) {
        return meter instanceof AutoMeter a ? a.selection : null;
    }

    private static String reason(MeterKind k, MeterInfo info) {
        return switch (k) {
            case RAPL -> "readable RAPL energy counters (" + String.join(", ", info.rails()) + ")";
            case HWMON -> "Jetson INA3221 found via hwmon by name";
            case IIO -> "Jetson INA3221 found via the ina3221x iio driver";
            case PMIC -> "vcgencmd pmic_read_adc answered with paired current and voltage rails";
            case BATTERY -> "a battery that is discharging now";
            case NVIDIA_SMI -> "nvidia-smi reports GPU power.draw";
            case CPU_MODEL -> "no power sensor found, so only an ESTIMATE from CPU utilisation is available";
            default -> k.cliName();
        };
    }

    private static PowerMeter openKind(PowerMeterSpec spec, PowerEnvironment env, boolean probing) {
        Sysfs fs = new Sysfs(spec.root(), env.reader());
        Duration interval = spec.interval();
        return switch (spec.kind()) {
            case RAPL -> new CounterPowerMeter(RaplCounter.open(fs), env.nanos());
            case HWMON -> sampled(HwmonIna3221Source.open(fs), interval, env);
            case IIO -> sampled(IioIna3221Source.open(fs), interval, env);
            case PMIC -> sampled(new PmicSource(env.runner(), spec.commandOr(PmicSource.DEFAULT_COMMAND), spec.pmicCalibration()),
                    interval, env);
            case TEGRASTATS -> sampled(spec.file() != null ? TegrastatsSource.fromLogFile(spec.file())
                    : TegrastatsSource.fromCommand(spec.commandOr(TegrastatsSource.DEFAULT_COMMAND), Duration.ofSeconds(5)),
                    interval, env);
            case BATTERY -> {
                BatterySource b = BatterySource.open(fs);
                if (probing && !b.status().equals("Discharging")) {
                    throw new ConfigSpecException("battery status is '" + b.status() + "', not Discharging");
                }
                yield sampled(b, interval, env);
            }
            case NVIDIA_SMI -> sampled(new NvidiaSmiSource(env.runner(), spec.commandOr(NvidiaSmiSource.DEFAULT_COMMAND)),
                    interval, env);
            case CSV -> {
                if (spec.file() == null) {
                    throw new ConfigSpecException("--meter csv needs --file F with the external meter's 'timestamp,watts' log");
                }
                yield new CsvPowerMeter(spec.file(), env.clock());
            }
            case CPU_MODEL -> sampled(new CpuUtilisationSource(fs, spec.modelIdleWatts(), spec.modelMaxWatts()), interval, env);
            case CONSTANT -> {
                if (spec.constantWatts() == null) {
                    throw new ConfigSpecException("--meter constant needs --watts W (the power to assume, in W)");
                }
                yield sampled(new ConstantSource(spec.constantWatts()), interval, env);
            }
            case AUTO -> throw new IllegalStateException("auto is resolved before");
        };
    }

    private static PowerMeter sampled(PowerSource source, Duration interval, PowerEnvironment env) {
        return new SampledPowerMeter(source, interval, env.nanos());
    }

    /** A meter chosen by auto: the chosen meter, its info extended by why it was chosen. */
    private static final class AutoMeter implements PowerMeter {
        private final PowerMeter inner;
        private final AutoSelection selection;
        private final MeterInfo info;

        AutoMeter(PowerMeter inner, AutoSelection selection) {
            this.inner = inner;
            this.selection = selection;
            MeterInfo i = inner.info();
            String chosen = "chosen by auto: " + selection.reason();
            String caveat = i.caveat().isEmpty() ? chosen : i.caveat() + "; " + chosen;
            this.info = new MeterInfo(i.kind(), i.method(), i.rails(), i.estimate(), caveat);
        }

        @Override
        public MeterInfo info() {
            return info;
        }

        @Override
        public Window start() {
            return inner.start();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
