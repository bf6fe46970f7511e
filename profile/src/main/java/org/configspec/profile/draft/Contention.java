package org.configspec.profile.draft;

import org.configspec.core.stats.Measured;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the machine was busy while a speed was measured, judged from {@link HostLoad} samples at the start and the
 * end and from the run-to-run spread: a 1-minute load average above (CPUs − {@value #LOAD_MARGIN}) at either end, CPU
 * steal above {@value #MAX_STEAL_PERCENT} % of the CPU time in between, or a spread (max − min) / median of the
 * headline decode speed above {@value #MAX_RELATIVE_SPREAD}. Such a figure is stored flagged: other work shares the
 * cores and the speed says more about it than about the device.
 *
 * @param reasons why the measurement is suspect, one phrase each; empty when the machine was quiet
 */
public record Contention(List<String> reasons) {
    public static final double LOAD_MARGIN = 0.5;
    public static final double MAX_STEAL_PERCENT = 5;
    public static final double MAX_RELATIVE_SPREAD = 0.25;
    /** The note a flagged {@link DraftMeasurement} carries. */
    public static final String NOTE_PREFIX = "busy machine: ";

    public Contention {
        reasons = List.copyOf(reasons);
    }

    public boolean busy() {
        return !reasons.isEmpty();
    }

    /** One line: the reasons joined, or empty. */
    public String summary() {
        return String.join("; ", reasons);
    }

    public static Contention judge(HostLoad.Sample start, HostLoad.Sample end, Measured speed) {
        List<String> r = new ArrayList<>();
        int cpus = Math.max(start.cpus(), end.cpus());
        double limit = cpus - LOAD_MARGIN;
        if (start.loadAverage1() > limit || end.loadAverage1() > limit) {
            r.add(String.format(Locale.ROOT, "1-min load average %.2f at start, %.2f at end on %d CPUs (limit %.1f)",
                    start.loadAverage1(), end.loadAverage1(), cpus, limit));
        }
        long total = end.totalTicks() - start.totalTicks();
        long steal = end.stealTicks() - start.stealTicks();
        if (total > 0 && steal >= 0 && 100.0 * steal / total > MAX_STEAL_PERCENT) {
            r.add(String.format(Locale.ROOT, "CPU steal %.1f %% of the CPU time (limit %.0f %%)", 100.0 * steal / total,
                    MAX_STEAL_PERCENT));
        }
        if (speed != null && speed.n() > 1 && Double.isFinite(speed.min()) && Double.isFinite(speed.max())
                && speed.value() > 0) {
            double spread = (speed.max() - speed.min()) / speed.value();
            if (spread > MAX_RELATIVE_SPREAD) {
                r.add(String.format(Locale.ROOT, "run-to-run spread %.0f %% of the median %s (%.4g..%.4g %s, n = %d;"
                        + " limit %.0f %%)", 100 * spread, speed.unit(), speed.min(), speed.max(), speed.unit(),
                        speed.n(), 100 * MAX_RELATIVE_SPREAD));
            }
        }
        return new Contention(r);
    }

    /** The contention a measurement's notes record, or empty. */
    public static String of(DraftMeasurement m) {
        return m.notes().stream().filter(n -> n.startsWith(NOTE_PREFIX)).map(n -> n.substring(NOTE_PREFIX.length()))
                .findFirst().orElse("");
    }
}
