package org.configspec.core.model;

import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.LeastSquares;

/**
 * Least-squares fit of measured verification times, T(K, context) = intercept + b·(K + 1) [+ c·context], and its
 * residuals. With the round trip measured apart (a request that does no target work), the fixed part is
 * a = intercept − RTT. Ordinary least squares ({@link LeastSquares}, 2 or 3 unknowns). Pure.
 *
 * @param intercept        RTT + a [s]
 * @param perTokenS        b [s per verified position]
 * @param perContextTokenS c [s per context token], 0 when fitted without the context term
 * @param withContext      whether the context term was fitted
 * @param n                samples
 * @param rmsResidualS     root mean square of the residuals [s]
 * @param maxResidualS     largest |residual| [s]
 * @param rSquared         1 − SS_res / SS_tot (NaN when every time is equal)
 */
public record VerifyTimeFit(double intercept, double perTokenS, double perContextTokenS, boolean withContext, int n,
                            double rmsResidualS, double maxResidualS, double rSquared) {

    /** One timed request: K drafted tokens verified after {@code context} tokens, in {@code seconds}. */
    public record Sample(int k, int context, double seconds) {
        public Sample {
            if (k < 0 || context < 0 || !(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new ConfigSpecException("verify-time sample K=" + k + ", context " + context + ", " + seconds
                        + " s: allowed K >= 0, context >= 0 and a finite time >= 0");
            }
        }
    }

    /**
     * Fits {@code samples}; the context term only when {@code withContext} (it needs at least two context lengths).
     */
    public static VerifyTimeFit fit(List<Sample> samples, boolean withContext) {
        int m = withContext ? 2 : 1;
        if (samples.size() < m + 2) {
            throw new ConfigSpecException("verify-time fit: " + samples.size() + " samples; allowed at least "
                    + (m + 2));
        }
        double[][] x = new double[samples.size()][];
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) {
            Sample s = samples.get(i);
            x[i] = withContext ? new double[] {1, s.k() + 1.0, s.context()} : new double[] {1, s.k() + 1.0};
            y[i] = s.seconds();
        }
        LeastSquares.Fit f = LeastSquares.solve(x, y);
        if (f == null) {
            throw new ConfigSpecException(withContext
                    ? "verify-time fit: K and context do not vary independently; allowed several K at each of at least"
                    + " two context lengths"
                    : "verify-time fit: every sample has the same K; allowed several K");
        }
        double[] beta = f.coefficients();
        double intercept = beta[0];
        double b = beta[1];
        double cc = withContext ? beta[2] : 0;
        double max = 0;
        for (int i = 0; i < y.length; i++) {
            max = Math.max(max, Math.abs(y[i] - f.predict(x[i])));
        }
        return new VerifyTimeFit(intercept, b, cc, withContext, samples.size(), Math.sqrt(f.rss() / samples.size()),
                max, f.r2());
    }

    /** The fitted time at K and context [s]. */
    public double predict(int k, int context) {
        return intercept + perTokenS * (k + 1) + perContextTokenS * context;
    }

    /**
     * The model's T_v with the round trip measured apart: a = intercept − rtt (negative parts, from noise, are
     * taken as 0), evaluated at {@code context} tokens.
     */
    public VerifyTime toVerifyTime(double rttS, int context, String source) {
        return new VerifyTime(Math.max(0, rttS), Math.max(0, intercept - Math.max(0, rttS)), Math.max(0, perTokenS),
                Math.max(0, perContextTokenS), context, source);
    }
}
