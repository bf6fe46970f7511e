package org.configspec.sim.validate;

import java.util.List;
import java.util.Locale;
import org.configspec.core.stats.Median;
import org.configspec.store.CalibrationDocument;

/** The points of a simulator validation against real runs, as a table with the summary the goals are stated in. */
public record ValidationReport(List<ValidationPoint> points, CalibrationDocument calibration, String setup) {
    public ValidationReport {
        points = List.copyOf(points);
    }

    /** Median over points of |goodput error| (with the scaled service time when {@code oracle}). */
    public double medianAbsGoodputError(boolean oracle) {
        return Median.of(points.stream().mapToDouble(p -> Math.abs(oracle ? p.oracleGoodputError() : p.goodputError()))
                .toArray());
    }

    public long queueMatched(boolean oracle) {
        return points.stream().filter(p -> oracle ? p.oracleQueueMatched() : p.queueMatched()).count();
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(setup).append('\n');
        b.append("service time: ").append(calibration.describe()).append('\n');
        b.append("goodput per client (tok/s) and mean queueing delay (ms): real, simulated with the calibration (sim),"
                + " and simulated with the calibration scaled to the real decode time at the point's mean batch (orc)\n");
        b.append(String.format(Locale.ROOT, "%7s %6s %7s %7s %6s %7s %6s %7s %7s %7s %7s %6s %5s %7s %9s %9s %9s %9s%n",
                "clients", "RTT ms", "real", "sim", "err %", "orc", "err %", "q real", "q sim", "q orc", "net ms",
                "sigma", "draft", "tok/rnd", "batch r/s", "decode ms", "fitted ms", "sim ms"));
        for (ValidationPoint p : points) {
            b.append(String.format(Locale.ROOT, "%7d %6.0f %7.2f %7.2f %+6.1f %7.2f %+6.1f %7.2f %7.2f %7.2f %7.1f"
                            + " %6.2f %5.0f %7.2f %4.1f/%4.1f %9.1f %9.1f %9.1f%n", p.clients(), p.rttMs(), p.realGoodput(),
                    p.simGoodput(), 100 * p.goodputError(), p.oracleGoodput(), 100 * p.oracleGoodputError(),
                    p.realQueueMs(), p.simQueueMs(), p.oracleQueueMs(), p.netMs(), p.netSigma(), p.draftTokPerS(),
                    p.realTokPerRound(), p.realBatch(), p.simBatch(), p.realDecodeMs(), p.fittedDecodeMs(),
                    p.simDecodeMs()));
        }
        for (boolean oracle : new boolean[] {false, true}) {
            b.append(String.format(Locale.ROOT, "%s: median |goodput error| %.1f %% over %d points (goal <= 10 %%, aim"
                            + " 5 %%); mean queueing delay within 20 %% (or %.0f ms) at %d of %d points%n",
                    oracle ? "scaled to the real decode time (orc)" : "calibration as measured (sim)",
                    100 * medianAbsGoodputError(oracle), points.size(), ValidationPoint.QUEUE_SLACK_MS,
                    queueMatched(oracle), points.size()));
        }
        return b.toString();
    }
}
