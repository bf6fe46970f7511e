package org.configspec.core.model;

import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/**
 * Least-squares fit of measured verification times, T(K, context) = intercept + b·(K + 1) [+ c·context], and its
 * residuals. With the round trip measured apart (a request that does no target work), the fixed part is
 * a = intercept − RTT. Ordinary least squares through the normal equations (2 or 3 unknowns; the columns are
 * centred first, which keeps them well conditioned). Pure.
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
        double mx = 0;
        double mc = 0;
        double my = 0;
        for (Sample s : samples) {
            mx += (s.k() + 1.0) / samples.size();
            mc += (double) s.context() / samples.size();
            my += s.seconds() / samples.size();
        }
        double sxx = 0;
        double scc = 0;
        double sxc = 0;
        double sxy = 0;
        double scy = 0;
        double syy = 0;
        for (Sample s : samples) {
            double x = s.k() + 1.0 - mx;
            double c = s.context() - mc;
            double y = s.seconds() - my;
            sxx += x * x;
            scc += c * c;
            sxc += x * c;
            sxy += x * y;
            scy += c * y;
            syy += y * y;
        }
        double b;
        double cc = 0;
        if (withContext) {
            double det = sxx * scc - sxc * sxc;
            if (!(det > 1e-12 * sxx * scc) || scc == 0) {
                throw new ConfigSpecException("verify-time fit: K and context do not vary independently; allowed "
                        + "several K at each of at least two context lengths");
            }
            b = (sxy * scc - scy * sxc) / det;
            cc = (scy * sxx - sxy * sxc) / det;
        } else {
            if (sxx == 0) {
                throw new ConfigSpecException("verify-time fit: every sample has the same K; allowed several K");
            }
            b = sxy / sxx;
        }
        double intercept = my - b * mx - cc * mc;
        double ss = 0;
        double max = 0;
        for (Sample s : samples) {
            double r = s.seconds() - (intercept + b * (s.k() + 1) + cc * s.context());
            ss += r * r;
            max = Math.max(max, Math.abs(r));
        }
        return new VerifyTimeFit(intercept, b, cc, withContext, samples.size(), Math.sqrt(ss / samples.size()), max,
                syy == 0 ? Double.NaN : 1 - ss / syy);
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
