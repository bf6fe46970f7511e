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

    /** Median over points of |goodput error|. */
    public double medianAbsGoodputError() {
        return Median.of(points.stream().mapToDouble(p -> Math.abs(p.goodputError())).toArray());
    }

    public long queueMatched() {
        return points.stream().filter(ValidationPoint::queueMatched).count();
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(setup).append('\n');
        b.append("service time: ").append(calibration.describe()).append('\n');
        b.append(String.format(Locale.ROOT, "%7s %6s %9s %9s %7s %9s %9s %7s %7s %5s %8s %11s %11s %15s%n",
                "clients", "RTT ms", "real tok/s", "sim tok/s", "err %", "real q ms", "sim q ms", "err %", "net ms",
                "sigma", "draft t/s",
                "tok/rnd r/s", "batch r/s", "decode ms r/fit"));
        for (ValidationPoint p : points) {
            b.append(String.format(Locale.ROOT, "%7d %6.0f %9.2f %9.2f %+7.1f %9.2f %9.2f %7s %7.1f %5.2f %8.1f %5.2f/%5.2f"
                            + " %5.2f/%5.2f %7.1f/%7.1f%n", p.clients(), p.rttMs(), p.realGoodput(), p.simGoodput(),
                    100 * p.goodputError(), p.realQueueMs(), p.simQueueMs(),
                    p.realQueueMs() > 0 ? String.format(Locale.ROOT, "%+.0f", 100 * p.queueError()) : "-",
                    p.netMs(), p.netSigma(), p.draftTokPerS(), p.realTokPerRound(), p.simTokPerRound(), p.realBatch(), p.simBatch(),
                    p.realDecodeMs(), p.fittedDecodeMs()));
        }
        b.append(String.format(Locale.ROOT, "median |goodput error| %.1f %% over %d points (goal <= 10 %%, aim 5 %%);"
                        + " mean queueing delay within 20 %% (or %.0f ms) at %d of %d points%n",
                100 * medianAbsGoodputError(), points.size(), ValidationPoint.QUEUE_SLACK_MS, queueMatched(),
                points.size()));
        return b.toString();
    }
}
