package org.configspec.sim;

import org.configspec.core.calibration.CalibratedRange;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.core.error.ConfigSpecException;

/**
 * Seconds a verifier needs for one batch: fixed + perToken · (batch tokens) + perSession · (batch sessions), where a
 * session's tokens are its K drafted tokens plus the bonus position. The paper's model is {@link #paper}: the same
 * T_v for every batch. The coefficients come from flags, or from a fit to measurements of the real verifier
 * ({@link #calibrated}); a calibrated service time refuses a batch outside the shapes it was measured on unless it
 * may extrapolate.
 *
 * @param range       the calibrated batch shapes, or null (flags: any batch)
 * @param extrapolate true: use the fit outside {@code range} too
 * @param origin      where the coefficients come from, for the output ("" for flags)
 */
public record ServiceTime(double fixedS, double perTokenS, double perSessionS, CalibratedRange range,
                          boolean extrapolate, String origin) {
    public ServiceTime {
        nonNegative("--t-verify", fixedS);
        nonNegative("--verify-per-token", perTokenS);
        nonNegative("--verify-per-session", perSessionS);
        if (fixedS + perTokenS + perSessionS <= 0) {
            throw new ConfigSpecException("the verifier's service time is zero for every batch: give --t-verify,"
                    + " --verify-per-token or --verify-per-session > 0");
        }
        origin = origin == null ? "" : origin;
    }

    /** From flags: any batch shape. */
    public ServiceTime(double fixedS, double perTokenS, double perSessionS) {
        this(fixedS, perTokenS, perSessionS, null, false, "");
    }

    /** The paper's constant verification time per round. */
    public static ServiceTime paper(double tVerifyS) {
        return new ServiceTime(tVerifyS, 0, 0);
    }

    /** The fit of a calibration; {@code origin} names it (e.g. the target and date it was measured on). */
    public static ServiceTime calibrated(ServiceTimeFit fit, boolean extrapolate, String origin) {
        return new ServiceTime(fit.fixedS(), fit.perTokenS(), fit.perSessionS(), fit.range(), extrapolate, origin);
    }

    /**
     * The same shape (per-token and per-session cost relative to the fixed cost) scaled so that one session's batch
     * at K = {@code k} takes {@code seconds}: e.g. a fit of a small model's verifier scaled to the paper's 0.5 s.
     */
    public ServiceTime scaledTo(double seconds, int k) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new ConfigSpecException("--scale-verify-to = " + seconds + " s: allowed a positive duration");
        }
        double f = seconds / this.seconds(1, k + 1);
        return new ServiceTime(fixedS * f, perTokenS * f, perSessionS * f, range, extrapolate,
                origin + (origin.isEmpty() ? "" : ", ") + "scaled ×" + Text.num(f) + " so that 1 session at K = " + k
                        + " takes " + Text.ms(seconds));
    }

    public double seconds(int sessions, int tokens) {
        if (range != null && !extrapolate && !range.covers(sessions, tokens)) {
            throw new ConfigSpecException("--calibration covers " + range.describe() + "; the simulation formed a batch"
                    + " of " + sessions + " sessions and " + tokens + " tokens: lower --max-batch, -k or --k-max, or"
                    + " give --extrapolate to use the fit outside its range");
        }
        return formula(sessions, tokens);
    }

    /** The formula without the range check (the analytic reference beside a simulation). */
    public double formula(int sessions, int tokens) {
        return fixedS + perTokenS * tokens + perSessionS * sessions;
    }

    public boolean isConstant() {
        return perTokenS == 0 && perSessionS == 0;
    }

    public String describe() {
        String formula = isConstant() && range == null ? "constant " + Text.ms(fixedS) + " per batch"
                : Text.ms(fixedS) + " + " + Text.ms(perTokenS) + " per token + " + Text.ms(perSessionS) + " per session";
        if (range == null) {
            return formula;
        }
        return formula + " (fitted: " + origin + "; measured on " + range.describe()
                + (extrapolate ? ", extrapolated beyond" : "") + ")";
    }

    private static void nonNegative(String flag, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigSpecException(flag + " = " + v + " s: allowed a finite duration >= 0");
        }
    }
}
