package org.configspec.core.calibration;

import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.LeastSquares;

/**
 * The verifier's service time per batch fitted to measured batch shapes: seconds = fixed + perToken · tokens +
 * perSession · sessions, by least squares of the relative residuals (measured − fitted) / measured with every
 * coefficient ≥ 0 (a negative cost would predict negative times outside the measured shapes;
 * {@link LeastSquares#nonNegative}). Each shape counts once (its figure is already an aggregate over repetitions).
 *
 * @param r2             coefficient of determination over the shapes (in seconds)
 * @param rmsResidualS   root mean square of (measured − fitted) over the shapes, seconds
 * @param maxRelResidual largest |measured − fitted| / measured over the shapes
 * @param range          the shapes measured
 */
public record ServiceTimeFit(double fixedS, double perTokenS, double perSessionS, double r2, double rmsResidualS,
                             double maxRelResidual, CalibratedRange range) {
    public ServiceTimeFit {
        for (double c : new double[] {fixedS, perTokenS, perSessionS}) {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new ConfigSpecException("service-time fit: coefficients " + fixedS + ", " + perTokenS + ", "
                        + perSessionS + " s; allowed finite values >= 0");
            }
        }
        if (fixedS + perTokenS + perSessionS <= 0) {
            throw new ConfigSpecException("service-time fit: every coefficient is 0; the fit predicts no cost at all");
        }
        if (range == null) {
            throw new ConfigSpecException("service-time fit: the calibrated range is missing");
        }
    }

    /** Fits the shapes; at least three distinct shapes, with more than one K and more than one session count. */
    public static ServiceTimeFit fit(List<BatchTiming> shapes) {
        if (shapes.size() < 3) {
            throw new ConfigSpecException("service-time fit: " + shapes.size() + " batch shapes measured; at least 3"
                    + " are needed (several session counts and several K)");
        }
        // relative least squares: row i divided by its measured time, so every shape's relative error counts alike
        // (small batches are fitted as well as large ones; the simulation's goodput errors are relative too)
        double[][] x = new double[shapes.size()][];
        double[][] w = new double[shapes.size()][];
        double[] y = new double[shapes.size()];
        double[] ones = new double[shapes.size()];
        for (int i = 0; i < y.length; i++) {
            BatchTiming b = shapes.get(i);
            if (!(b.seconds() > 0)) {
                throw new ConfigSpecException("service-time fit: the batch of " + b.sessions() + " sessions at K "
                        + b.k() + " took " + b.seconds() + " s; every measured time must be > 0");
            }
            x[i] = new double[] {1, b.tokens(), b.sessions()};
            y[i] = b.seconds();
            w[i] = new double[] {1 / y[i], b.tokens() / y[i], b.sessions() / y[i]};
            ones[i] = 1;
        }
        LeastSquares.Fit f = LeastSquares.nonNegative(w, ones);
        if (f == null) {
            throw new ConfigSpecException("service-time fit: the shapes do not separate the per-token and per-session"
                    + " costs; measure several session counts and several K");
        }
        double[] c = f.coefficients();
        double maxRel = 0;
        double rss = 0;
        double tss = 0;
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - f.predict(x[i]);
            maxRel = Math.max(maxRel, Math.abs(e) / y[i]);
            rss += e * e;
            tss += (y[i] - mean) * (y[i] - mean);
        }
        CalibratedRange range = new CalibratedRange(
                shapes.stream().mapToInt(BatchTiming::sessions).min().orElseThrow(),
                shapes.stream().mapToInt(BatchTiming::sessions).max().orElseThrow(),
                shapes.stream().mapToInt(BatchTiming::k).min().orElseThrow(),
                shapes.stream().mapToInt(BatchTiming::k).max().orElseThrow());
        return new ServiceTimeFit(c[0], c[1], c[2], tss > 0 ? 1 - rss / tss : Double.NaN, Math.sqrt(rss / y.length), maxRel,
                range);
    }

    /** Fitted seconds of a batch of {@code sessions} sessions and {@code tokens} positions. */
    public double seconds(int sessions, int tokens) {
        return fixedS + perTokenS * tokens + perSessionS * sessions;
    }
}
