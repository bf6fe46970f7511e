package org.configspec.profile.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Interval;
import org.configspec.core.stats.Measured;

/** Aggregates per-prompt alignments into {@link KAcceptance} for K = 1..K_max (definitions there). Pure. */
public final class AcceptanceStatistics {
    private AcceptanceStatistics() {
    }

    public static List<KAcceptance> of(List<Alignment> alignments, int kMax, Bootstrap bootstrap) {
        List<KAcceptance> out = new ArrayList<>();
        for (int k = 1; k <= kMax; k++) {
            out.add(at(alignments, k, bootstrap));
        }
        return out;
    }

    /** Per-prompt α(K) (mean over the prompt's rounds of L/K) of the prompts with at least one counted round. */
    public static double[] alphaPerPrompt(List<Alignment> alignments, int k) {
        return alignments.stream().map(a -> a.acceptedLengths(k)).filter(l -> l.length > 0)
                .mapToDouble(l -> mean(l) / k).toArray();
    }

    public static KAcceptance at(List<Alignment> alignments, int k, Bootstrap bootstrap) {
        List<Double> alphas = new ArrayList<>();
        List<Double> tokens = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        List<double[]> bounds = new ArrayList<>();
        double[] survivalSum = new double[k];
        long[] counts = new long[k + 1];
        long rounds = 0;
        long acceptedTotal = 0;
        boolean withBeta = !alignments.isEmpty() && alignments.stream().allMatch(Alignment::hasBeta);
        for (Alignment a : alignments) {
            int[] lengths = a.acceptedLengths(k);
            if (lengths.length == 0) {
                continue;
            }
            double m = mean(lengths);
            alphas.add(m / k);
            tokens.add(m + 1);
            for (int i = 1; i <= k; i++) {
                int atLeast = 0;
                for (int l : lengths) {
                    atLeast += l >= i ? 1 : 0;
                }
                survivalSum[i - 1] += (double) atLeast / lengths.length;
            }
            for (int l : lengths) {
                counts[l]++;
                acceptedTotal += l;
            }
            rounds += lengths.length;
            if (withBeta) {
                expected.add(expectedAlpha(a.beta(), k));
                double[] lo = expectedSurvival(a.betaLo(), k);
                if (lo != null) {
                    double[] hi = expectedSurvival(a.betaHi(), k);
                    double[] row = new double[2 * k + 2];
                    row[0] = expectedAlpha(a.betaLo(), k);
                    row[1] = expectedAlpha(a.betaHi(), k);
                    System.arraycopy(lo, 0, row, 2, k);
                    System.arraycopy(hi, 0, row, 2 + k, k);
                    bounds.add(row);
                }
            }
        }
        int n = alphas.size();
        if (n == 0) {
            throw new ConfigSpecException("no counted round at K=" + k + ": every continuation is shorter than K + 1 = "
                    + (k + 1) + " tokens; allowed: --tokens above --k-max and prompts the target does not end at once");
        }
        double[] survival = new double[k];
        double[] byPrompt = new double[k];
        List<Interval> intervals = new ArrayList<>();
        long atLeast = rounds;
        for (int i = 1; i <= k; i++) {
            atLeast -= counts[i - 1];
            survival[i - 1] = (double) atLeast / rounds;
            intervals.add(Wilson.interval(atLeast, rounds));
            byPrompt[i - 1] = survivalSum[i - 1] / n;
        }
        double[] alphaArr = toArray(alphas);
        double[] tokArr = toArray(tokens);
        return new KAcceptance(k, Measured.mean(AcceptanceProfile.UNIT, alphaArr, bootstrap.meanInterval(alphaArr)),
                (double) acceptedTotal / rounds / k,
                Measured.mean(KAcceptance.TOKENS_PER_ROUND, tokArr, bootstrap.meanInterval(tokArr)),
                (double) acceptedTotal / rounds + 1, survival, intervals, byPrompt, counts, n, rounds,
                withBeta && expected.stream().anyMatch(x -> !x.isNaN())
                        ? Measured.mean(AcceptanceProfile.UNIT, toArray(expected), Interval.NONE) : null,
                bounds.isEmpty() ? null : meanBounds(bounds, k));
    }

    /** The mean over prompts of each prompt's bounds (row: α lo, α hi, K survival lo, K survival hi). */
    private static ExpectedBounds meanBounds(List<double[]> rows, int k) {
        double[] m = new double[2 * k + 2];
        for (double[] r : rows) {
            for (int i = 0; i < m.length; i++) {
                m[i] += r[i] / rows.size();
            }
        }
        return ExpectedBounds.of(k, m[0], m[1], java.util.Arrays.copyOfRange(m, 2, 2 + k),
                java.util.Arrays.copyOfRange(m, 2 + k, 2 + 2 * k));
    }

    /** Mean over every round start s with s + K &lt; n of P(L ≥ i | s), i = 1..K; null when too short. */
    static double[] expectedSurvival(double[] beta, int k) {
        double[] s = new double[k];
        int starts = 0;
        for (int start = 0; start + k < beta.length; start++) {
            double[] p = ExpectedAcceptance.survival(beta, start, k);
            for (int i = 0; i < k; i++) {
                s[i] += p[i];
            }
            starts++;
        }
        if (starts == 0) {
            return null;
        }
        for (int i = 0; i < k; i++) {
            s[i] /= starts;
        }
        return s;
    }

    /** Mean over every round start s with s + K &lt; n of E[L | s, K] / K; NaN when the continuation is too short. */
    static double expectedAlpha(double[] beta, int k) {
        double s = 0;
        int starts = 0;
        for (int start = 0; start + k < beta.length; start++) {
            s += ExpectedAcceptance.expectedAccepted(beta, start, k) / k;
            starts++;
        }
        return starts == 0 ? Double.NaN : s / starts;
    }

    private static double mean(int[] v) {
        long s = 0;
        for (int x : v) {
            s += x;
        }
        return (double) s / v.length;
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
