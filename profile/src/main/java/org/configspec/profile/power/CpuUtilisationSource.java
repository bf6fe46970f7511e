package org.configspec.profile.power;

import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * An ESTIMATE, not a measurement: idle W + (max W − idle W) × CPU utilisation, the utilisation taken from the
 * deltas of the aggregate {@code cpu} line of {@code /proc/stat} between consecutive samples (busy = all − idle −
 * iowait). Use it only where the machine has no power sensor; the idle and max powers come from the user or a data
 * sheet.
 */
public final class CpuUtilisationSource implements PowerSource {
    private final Sysfs fs;
    private final Path stat;
    private final double idleWatts;
    private final double maxWatts;
    private final MeterInfo info;
    private long[] last;
    private double lastUtilisation;

    public CpuUtilisationSource(Sysfs fs, double idleWatts, double maxWatts) {
        if (!(idleWatts >= 0) || !(maxWatts >= idleWatts) || !Double.isFinite(maxWatts)) {
            throw new ConfigSpecException("cpu-model needs 0 <= --model-idle-watts <= --model-max-watts, got " + idleWatts
                    + " W and " + maxWatts + " W");
        }
        this.fs = fs;
        this.stat = fs.resolve("/proc/stat");
        this.idleWatts = idleWatts;
        this.maxWatts = maxWatts;
        this.last = readCpuLine();
        this.info = new MeterInfo("cpu-model", "ESTIMATE: " + idleWatts + " W idle + (" + maxWatts + " W max − " + idleWatts
                + " W idle) × CPU utilisation from /proc/stat deltas", List.of("cpu (modelled)"), true,
                "ESTIMATE from CPU utilisation, not a measurement; no power sensor used");
    }

    /** Busy fraction (0..1) between two {@code cpu} lines of /proc/stat. */
    public static double utilisation(long[] before, long[] after) {
        long total = 0;
        long idle = 0;
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            long d = after[i] - before[i];
            total += d;
            if (i == 3 || i == 4) {
                idle += d;
            }
        }
        if (total <= 0) {
            return Double.NaN;
        }
        return Math.min(1.0, Math.max(0.0, (total - idle) / (double) total));
    }

    /** The jiffies of the aggregate {@code cpu} line (user nice system idle iowait irq softirq steal), without guest columns. */
    public static long[] parseCpuLine(String procStat, String where) {
        for (String line : procStat.split("\\R")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                int n = Math.min(f.length - 1, 8);
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    try {
                        v[i] = Long.parseLong(f[i + 1]);
                    } catch (NumberFormatException e) {
                        throw new ConfigSpecException(where + ": 'cpu' line field " + (i + 1) + " is '" + f[i + 1]
                                + "', expected jiffies (an integer)");
                    }
                }
                if (n < 4) {
                    break;
                }
                return v;
            }
        }
        throw new ConfigSpecException(where + " has no aggregate 'cpu user nice system idle ...' line");
    }

    private long[] readCpuLine() {
        return parseCpuLine(fs.read(stat), fs.show(stat));
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public synchronized double readWatts() {
        long[] now = readCpuLine();
        double u = utilisation(last, now);
        if (!Double.isNaN(u)) {
            lastUtilisation = u;
            last = now;
        }
        return idleWatts + (maxWatts - idleWatts) * lastUtilisation;
    }
}
