package org.configspec.core.acceptance;

import java.util.function.IntPredicate;

/**
 * Least-squares fit of an i.i.d. per-token acceptance rate a to a measured curve: minimises
 * Σ_K (E_iid(K; a) − E_measured(K))² over the Ks the curve supports, by golden-section search on [0, 1].
 */
public final class IidFit {
    private static final double PHI = (Math.sqrt(5) - 1) / 2;

    private IidFit() {
    }

    public static IidCurve fit(AcceptanceCurve measured, int maxK) {
        IntPredicate has = measured::supports;
        double lo = 0.0;
        double hi = 1.0;
        double x1 = hi - PHI * (hi - lo);
        double x2 = lo + PHI * (hi - lo);
        double f1 = loss(measured, maxK, has, x1);
        double f2 = loss(measured, maxK, has, x2);
        for (int i = 0; i < 100 && hi - lo > 1e-12; i++) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - PHI * (hi - lo);
                f1 = loss(measured, maxK, has, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + PHI * (hi - lo);
                f2 = loss(measured, maxK, has, x2);
            }
        }
        return new IidCurve(Math.min(1.0, Math.max(0.0, (lo + hi) / 2)));
    }

    private static double loss(AcceptanceCurve measured, int maxK, IntPredicate has, double a) {
        IidCurve iid = new IidCurve(a);
        double sum = 0;
        for (int k = 1; k <= maxK; k++) {
            if (has.test(k)) {
                double d = iid.tokensPerRound(k) - measured.tokensPerRound(k);
                sum += d * d;
            }
        }
        return sum;
    }
}
