package org.configspec.serve.validate;

import java.util.List;
import java.util.Locale;

/**
 * Validation result: the fitted inputs of the model and one point per (RTT, K).
 *
 * @param acceptanceRate     i.i.d. per-token acceptance a fitted to all rounds
 * @param draftTokensPerSecond measured draft speed r_d
 * @param verifyFixedMs      T_v fit: fixed part at RTT 0, ms
 * @param verifyPerTokenMs   T_v fit: per verified position (K + 1), ms
 */
public record ValidationReport(double acceptanceRate, double draftTokensPerSecond, double verifyFixedMs,
                               double verifyPerTokenMs, List<ValidationPoint> points) {
    public ValidationReport {
        points = List.copyOf(points);
    }

    /** K with the highest measured (or predicted) goodput at this RTT. */
    public int bestK(double rttMs, boolean predicted) {
        return points.stream().filter(p -> p.rttMs() == rttMs)
                .max(java.util.Comparator.comparingDouble(p -> predicted ? p.predictedGoodput() : p.measuredGoodput()))
                .map(ValidationPoint::k).orElse(0);
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "model inputs: acceptance a = %.3f (i.i.d. fit), draft speed r_d = %.1f tok/s,"
                + " T_v(K) = RTT + %.2f ms + %.3f ms x (K + 1)%n", acceptanceRate, draftTokensPerSecond, verifyFixedMs,
                verifyPerTokenMs));
        b.append(String.format(Locale.ROOT, "%7s %3s %6s %9s %9s %7s %10s %10s %7s %9s %9s%n", "RTT ms", "K", "rounds",
                "tok/rd", "pred", "err", "goodput", "pred", "err", "T_v ms", "pred"));
        for (ValidationPoint p : points) {
            b.append(String.format(Locale.ROOT, "%7.0f %3d %6d %9.2f %9.2f %+6.1f%% %10.1f %10.1f %+6.1f%% %9.1f %9.1f%n",
                    p.rttMs(), p.k(), p.rounds(), p.measuredTokensPerRound(), p.predictedTokensPerRound(),
                    100 * p.tokensPerRoundError(), p.measuredGoodput(), p.predictedGoodput(), 100 * p.goodputError(),
                    p.measuredRoundTripMs(), p.predictedVerifyMs()));
        }
        points.stream().mapToDouble(ValidationPoint::rttMs).distinct().forEach(rtt -> b.append(String.format(Locale.ROOT,
                "RTT %.0f ms: best K measured %d, predicted %d%n", rtt, bestK(rtt, false), bestK(rtt, true))));
        double mape = points.stream().mapToDouble(p -> Math.abs(p.goodputError())).average().orElse(0);
        b.append(String.format(Locale.ROOT, "mean |goodput error| %.1f%% over %d points%n", 100 * mape, points.size()));
        return b.toString();
    }
}
