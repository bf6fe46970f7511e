package org.configspec.core.validation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.configspec.core.stats.Median;

/**
 * Validation result: the model inputs and where they came from, and one point per (RTT, K).
 *
 * @param acceptanceRate       i.i.d. per-token acceptance a fitted to all rounds of these runs
 * @param draftTokensPerSecond draft speed r_d the model used (measured in these runs, or stored)
 * @param verifyFixedMs        T_v fit: fixed part at RTT 0, ms
 * @param verifyPerTokenMs     T_v fit: per verified position (K + 1), ms
 * @param points               one per (RTT, K)
 * @param stored               the stored inputs the model used, or null when fed by these runs
 * @param priceOutputPerMTok   output price p_out in $ per million tokens (paper billing)
 */
public record ValidationReport(double acceptanceRate, double draftTokensPerSecond, double verifyFixedMs,
                               double verifyPerTokenMs, List<ValidationPoint> points, StoredInputs stored,
                               double priceOutputPerMTok) {
    public ValidationReport {
        points = List.copyOf(points);
    }

    /** K with the highest measured (or predicted) goodput at this RTT. */
    public int bestK(double rttMs, boolean predicted) {
        return points.stream().filter(p -> p.rttMs() == rttMs)
                .max(Comparator.comparingDouble(p -> predicted ? p.predictedGoodput() : p.measuredGoodput()))
                .map(ValidationPoint::k).orElse(0);
    }

    /** The RTTs in the order measured. */
    public List<Double> rtts() {
        return points.stream().map(ValidationPoint::rttMs).distinct().toList();
    }

    /** Median |goodput error| over the points of one RTT. */
    public double medianGoodputError(double rttMs) {
        return Median.of(points.stream().filter(p -> p.rttMs() == rttMs).mapToDouble(p -> Math.abs(p.goodputError()))
                .toArray());
    }

    /** Mean |goodput error| over all points. */
    public double meanGoodputError() {
        return points.stream().mapToDouble(p -> Math.abs(p.goodputError())).average().orElse(0);
    }

    /** Where the acceptance input came from: a store document id, or "fitted from these runs". */
    public String acceptanceSource() {
        return stored == null ? "fitted from these runs" : "store document " + stored.acceptanceId();
    }

    /** Where the draft speed (and power) came from. */
    public String draftSource() {
        return stored == null ? "fitted from these runs" : "store document " + stored.draftId();
    }

    /** Drafting power P_d in W, NaN where unknown (always unknown without a stored draft profile). */
    public double draftPowerW() {
        return stored == null ? Double.NaN : stored.draftPowerW();
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        if (stored == null) {
            b.append(String.format(Locale.ROOT, "model inputs: acceptance a = %.3f (i.i.d. fit), draft speed r_d = %.1f tok/s,"
                    + " T_v(K) = RTT + %.2f ms + %.3f ms x (K + 1)%n", acceptanceRate, draftTokensPerSecond, verifyFixedMs,
                    verifyPerTokenMs));
        } else {
            b.append(String.format(Locale.ROOT, "model inputs:%n"));
            b.append(String.format(Locale.ROOT, "  acceptance E(K): %s, from %s (a K it does not cover: its %s, marked *)%n",
                    stored.acceptance().describe(), acceptanceSource(), stored.iidFallback().describe()));
            b.append(String.format(Locale.ROOT, "  draft speed r_d = %.1f tok/s, drafting power P_d = %s, from %s%n",
                    draftTokensPerSecond, stored.powerKnown() ? String.format(Locale.ROOT, "%.2f W", stored.draftPowerW())
                            : "unknown", draftSource()));
            b.append(String.format(Locale.ROOT, "  T_v(K) = RTT + %.2f ms + %.3f ms x (K + 1), fitted from these runs"
                    + " (these runs' own i.i.d. acceptance a = %.3f)%n", verifyFixedMs, verifyPerTokenMs, acceptanceRate));
        }
        b.append(String.format(Locale.ROOT, "tokens per $: paper billing, K drafted tokens billed as output at $%.2f/M per round%n",
                priceOutputPerMTok));
        if (!Double.isNaN(draftPowerW())) {
            b.append(String.format(Locale.ROOT, "J per token: drafting energy; predicted P_d x (K / r_d) / E(K); measured J uses"
                    + " the STORED drafting power P_d = %.2f W x the measured drafting seconds / committed tokens"
                    + " (no power sensor on this machine)%n", draftPowerW()));
        } else {
            b.append(String.format(Locale.ROOT, "J per token: n/a (%s)%n", stored == null
                    ? "needs the drafting power of a stored draft profile: --store" : "the stored draft profile has no power"));
        }
        b.append(String.format(Locale.ROOT, "%7s %3s %6s %8s %8s %7s %9s %9s %7s %10s %10s %7s %8s %8s %7s %8s %8s%n",
                "RTT ms", "K", "rounds", "tok/rd", "pred", "err", "goodput", "pred", "err", "tok/$", "pred", "err",
                "J/tok", "pred", "err", "T_v ms", "pred"));
        for (ValidationPoint p : points) {
            b.append(String.format(Locale.ROOT, "%7.0f %3d %6d %8.2f %8s %+6.1f%% %9.1f %9.1f %+6.1f%% %10.0f %10.0f %+6.1f%%"
                            + " %8s %8s %7s %8.1f %8.1f%n",
                    p.rttMs(), p.k(), p.rounds(), p.measuredTokensPerRound(),
                    String.format(Locale.ROOT, "%.2f%s", p.predictedTokensPerRound(), p.iidFallback() ? "*" : ""),
                    100 * p.tokensPerRoundError(), p.measuredGoodput(), p.predictedGoodput(), 100 * p.goodputError(),
                    p.measuredTokensPerUsd(), p.predictedTokensPerUsd(), 100 * p.tokensPerUsdError(),
                    joules(p.measuredJoulesPerToken()), joules(p.predictedJoulesPerToken()),
                    Double.isNaN(p.joulesPerTokenError()) ? "n/a"
                            : String.format(Locale.ROOT, "%+6.1f%%", 100 * p.joulesPerTokenError()),
                    p.measuredRoundTripMs(), p.predictedVerifyMs()));
        }
        if (points.stream().anyMatch(ValidationPoint::iidFallback)) {
            b.append(String.format(Locale.ROOT, "* K not covered by the stored curve: i.i.d. fit of the stored profile%n"));
        }
        for (double rtt : rtts()) {
            b.append(String.format(Locale.ROOT, "RTT %.0f ms: best K measured %d, predicted %d; median |goodput error| %.1f%%%n",
                    rtt, bestK(rtt, false), bestK(rtt, true), 100 * medianGoodputError(rtt)));
        }
        b.append(String.format(Locale.ROOT, "mean |goodput error| %.1f%% over %d points%n", 100 * meanGoodputError(),
                points.size()));
        return b.toString();
    }

    private static String joules(double j) {
        return Double.isNaN(j) ? "n/a" : String.format(Locale.ROOT, "%.5f", j);
    }
}
