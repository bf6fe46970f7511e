package org.configspec.profile.draft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link HostLoad} from the Linux /proc files {@code loadavg} (first field: the 1-minute load average) and
 * {@code stat} (the aggregate {@code cpu} line: user nice system idle iowait irq softirq steal ..., in clock ticks;
 * {@code cpuN} lines count the CPUs). A file that is missing or unreadable gives "unknown" (-1 / 0), never an error:
 * a profile is still worth storing on a system without /proc.
 */
public final class ProcHostLoad implements HostLoad {
    private final Path root;

    public ProcHostLoad(Path root) {
        this.root = root;
    }

    /** This machine's /proc. */
    public static ProcHostLoad system() {
        return new ProcHostLoad(Path.of("/proc"));
    }

    @Override
    public Sample sample() {
        double load = -1;
        long steal = 0;
        long total = 0;
        int cpus = 0;
        try {
            String[] f = Files.readString(root.resolve("loadavg")).trim().split("\\s+");
            load = Double.parseDouble(f[0]);
        } catch (IOException | RuntimeException e) {
            load = -1;
        }
        try {
            List<String> lines = Files.readAllLines(root.resolve("stat"));
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("cpu")) {
                    for (int i = 1; i < f.length && i <= 8; i++) {
                        total += Long.parseLong(f[i]);
                    }
                    steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                } else if (f[0].matches("cpu[0-9]+")) {
                    cpus++;
                }
            }
        } catch (IOException | RuntimeException e) {
            steal = 0;
            total = 0;
        }
        return new Sample(load, steal, total, cpus > 0 ? cpus : Runtime.getRuntime().availableProcessors());
    }
}
