package org.configspec.core.stats;

import java.util.Arrays;

/**
 * Ordinary least squares y ≈ X·β for a handful of regressors (no intercept column is added: give one of ones), solved
 * from the normal equations by Gaussian elimination with partial pivoting, and the same with every coefficient
 * constrained to be ≥ 0 ({@link #nonNegative}): the best fit over every subset of the columns whose unconstrained
 * solution is non-negative (exact for the few columns this is meant for; 2^p fits).
 */
public final class LeastSquares {
    /**
     * @param coefficients β, one per column (0 for a column left out by {@link #nonNegative})
     * @param rss          residual sum of squares
     * @param r2           1 − rss / total sum of squares about the mean of y (NaN when y is constant)
     */
    public record Fit(double[] coefficients, double rss, double r2) {
        public Fit {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        public double predict(double[] row) {
            double s = 0;
            for (int j = 0; j < coefficients.length; j++) {
                s += coefficients[j] * row[j];
            }
            return s;
        }
    }

    private LeastSquares() {
    }

    /** Unconstrained fit; null when the columns are linearly dependent over these rows. */
    public static Fit solve(double[][] x, double[] y) {
        int p = x.length == 0 ? 0 : x[0].length;
        boolean[] all = new boolean[p];
        Arrays.fill(all, true);
        return solve(x, y, all);
    }

    /** The best fit with every coefficient ≥ 0; null when no subset of the columns can be fitted. */
    public static Fit nonNegative(double[][] x, double[] y) {
        int p = x.length == 0 ? 0 : x[0].length;
        Fit best = null;
        for (int mask = 1; mask < 1 << p; mask++) {
            boolean[] use = new boolean[p];
            for (int j = 0; j < p; j++) {
                use[j] = (mask >>> j & 1) == 1;
            }
            Fit f = solve(x, y, use);
            if (f != null && Arrays.stream(f.coefficients).allMatch(c -> c >= 0) && (best == null || f.rss < best.rss)) {
                best = f;
            }
        }
        return best;
    }

    private static Fit solve(double[][] x, double[] y, boolean[] use) {
        int p = use.length;
        int[] cols = new int[p];
        int m = 0;
        for (int j = 0; j < p; j++) {
            if (use[j]) {
                cols[m++] = j;
            }
        }
        if (x.length < m || m == 0) {
            return null;
        }
        double[][] a = new double[m][m + 1];
        double scale = 0;
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < m; i++) {
                double xi = x[r][cols[i]];
                for (int j = 0; j < m; j++) {
                    a[i][j] += xi * x[r][cols[j]];
                }
                a[i][m] += xi * y[r];
                scale = Math.max(scale, Math.abs(a[i][i]));
            }
        }
        double[] beta = eliminate(a, m, scale * 1e-12);
        if (beta == null) {
            return null;
        }
        double[] full = new double[p];
        for (int i = 0; i < m; i++) {
            full[cols[i]] = beta[i];
        }
        Fit unscored = new Fit(full, 0, 0);
        double mean = Arrays.stream(y).average().orElse(0);
        double rss = 0;
        double tss = 0;
        for (int r = 0; r < x.length; r++) {
            double e = y[r] - unscored.predict(x[r]);
            rss += e * e;
            tss += (y[r] - mean) * (y[r] - mean);
        }
        return new Fit(full, rss, tss > 0 ? 1 - rss / tss : Double.NaN);
    }

    /** Solves the augmented m × (m + 1) system in place; null when a pivot is below {@code tiny}. */
    private static double[] eliminate(double[][] a, int m, double tiny) {
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][c]) > tiny)) {
                return null;
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = 0; r < m; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= m; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] beta = new double[m];
        for (int i = 0; i < m; i++) {
            beta[i] = a[i][m] / a[i][i];
        }
        return beta;
    }
}
