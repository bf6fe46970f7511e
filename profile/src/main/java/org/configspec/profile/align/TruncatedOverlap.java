package org.configspec.profile.align;

import org.configspec.core.error.ConfigSpecException;

/**
 * Bounds on the sampling-mode acceptance β = Σ_x min(p_T(x), q(x)) at one position when the target is known only by
 * its top-N listing (a {@link TopRow} at temperature 1) and the draft's distribution q is known over the whole
 * vocabulary. The derivation is in docs/cloud-target.md, section "Sampling acceptance from top-N"; in short, with
 * L the listed ids, U the others, p the temperature-1 probabilities, r = 1 − Σ_L p (unlisted mass), p_N = min_L p
 * (every unlisted p is ≤ p_N because the listing is the top N), u = 1/T and the target at temperature T
 * p_T(x) = p(x)^u / (A + B) with A = Σ_L p^u and B = Σ_U p^u:
 * <ul>
 *   <li>B lies in [B_lo, B_hi]: for u ≥ 1 (T ≤ 1) B ≤ r·p_N^(u−1) (p^u = p·p^(u−1) ≤ p·p_N^(u−1)) and
 *   B ≥ |U|^(1−u)·r^u (power mean); for u ≤ 1 the same two expressions swap sides. At T = 1 both are r: exact.</li>
 *   <li>so p_T(x) ∈ [p^u/(A + B_hi), p^u/(A + B_lo)] for listed x, p_T(x) ≤ p_N^u/(A + B_lo) for unlisted x, and the
 *   unlisted mass of p_T is ≤ B_hi/(A + B_hi);</li>
 *   <li>lo = Σ_L min(p_T,lo(x), q(x)) (the unlisted terms are ≥ 0);
 *   hi = Σ_L min(p_T,hi(x), q(x)) + min(unlisted p_T mass bound, Σ_U min(p_N^u/(A + B_lo), q(x))).</li>
 * </ul>
 * At T = 1 the width hi − lo is min(r, Σ_U min(p_N, q)) ≤ r: at most the unlisted target mass, and zero when the
 * draft puts no mass outside the listing. Pure.
 */
public final class TruncatedOverlap {
    private TruncatedOverlap() {
    }

    /** β ∈ [lo, hi]. */
    public record Bounds(double lo, double hi) {
        public Bounds {
            if (!(lo >= 0 && lo <= hi && hi <= 1 + 1e-9)) {
                throw new ConfigSpecException("overlap bounds [" + lo + ", " + hi + "]: allowed 0 <= lo <= hi <= 1");
            }
            hi = Math.min(1, hi);
        }

        public static Bounds exact(double beta) {
            return new Bounds(beta, beta);
        }

        public double width() {
            return hi - lo;
        }

        public double midpoint() {
            return (lo + hi) / 2;
        }
    }

    /**
     * @param row         the target's top-N listing at temperature 1
     * @param temperature the sampling temperature T of the target (> 0)
     * @param q           the draft's sampling distribution over the whole vocabulary
     */
    public static Bounds bounds(TopRow row, double temperature, double[] q) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new ConfigSpecException("temperature = " + temperature + ": allowed a number > 0");
        }
        int n = row.size();
        int v = q.length;
        if (n > v) {
            throw new ConfigSpecException("top-N row lists " + n + " ids but the draft's vocabulary has " + v
                    + " (allowed: the same vocabulary)");
        }
        double u = 1 / temperature;
        double lmax = Double.NEGATIVE_INFINITY;
        double lmin = Double.POSITIVE_INFINITY;
        boolean[] listed = new boolean[v];
        for (int i = 0; i < n; i++) {
            int id = row.id(i);
            if (id >= v) {
                throw new ConfigSpecException("top-N row: token id " + id + " is outside the draft's vocabulary of "
                        + v + " (allowed: the same vocabulary)");
            }
            listed[id] = true;
            lmax = Math.max(lmax, row.logprob(i));
            lmin = Math.min(lmin, row.logprob(i));
        }
        double r = row.unlistedMass();
        int unlisted = v - n;
        // every p^u below is divided by exp(u·lmax), which cancels in the ratios and keeps the numbers in range
        double a = 0;
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = Math.exp(u * (row.logprob(i) - lmax));
            a += scaled[i];
        }
        double bLo;
        double bHi;
        if (r <= 0 || unlisted == 0) {
            bLo = 0;
            bHi = 0;
        } else {
            double byTop = Math.exp(Math.log(r) + (u - 1) * lmin - u * lmax);
            double byMean = Math.exp((1 - u) * Math.log(unlisted) + u * (Math.log(r) - lmax));
            bLo = Math.min(byTop, byMean);
            bHi = Math.max(byTop, byMean);
            if (u == 1) {
                bLo = bHi = r / Math.exp(lmax);
            }
        }
        double lo = 0;
        double hi = 0;
        double qListed = 0;
        for (int i = 0; i < n; i++) {
            double qx = q[row.id(i)];
            qListed += qx;
            lo += Math.min(scaled[i] / (a + bHi), qx);
            hi += Math.min(scaled[i] / (a + bLo), qx);
        }
        if (bHi > 0) {
            double tailMass = bHi / (a + bHi);
            double cap = Math.exp(u * (lmin - lmax)) / (a + bLo);
            double tail = 0;
            for (int x = 0; x < v; x++) {
                if (!listed[x]) {
                    tail += Math.min(cap, q[x]);
                }
            }
            hi += Math.min(tailMass, Math.min(tail, Math.max(0, 1 - qListed)));
        }
        lo = Math.min(1, lo);
        return new Bounds(lo, Math.max(lo, Math.min(1, hi)));
    }
}
