package org.configspec.sim;

import org.configspec.core.error.ConfigSpecException;

/**
 * Seconds a verifier needs for one batch: fixed + perToken · (batch tokens) + perSession · (batch sessions), where a
 * session's tokens are its K drafted tokens plus the bonus position. The paper's model is {@link #paper}: the same
 * T_v for every batch. The coefficients come from flags; fitting them to measurements of the real verifier is not
 * done here.
 */
public record ServiceTime(double fixedS, double perTokenS, double perSessionS) {
    public ServiceTime {
        nonNegative("--t-verify", fixedS);
        nonNegative("--verify-per-token", perTokenS);
        nonNegative("--verify-per-session", perSessionS);
        if (fixedS + perTokenS + perSessionS <= 0) {
            throw new ConfigSpecException("the verifier's service time is zero for every batch: give --t-verify,"
                    + " --verify-per-token or --verify-per-session > 0");
        }
    }

    /** The paper's constant verification time per round. */
    public static ServiceTime paper(double tVerifyS) {
        return new ServiceTime(tVerifyS, 0, 0);
    }

    public double seconds(int sessions, int tokens) {
        return fixedS + perTokenS * tokens + perSessionS * sessions;
    }

    public boolean isConstant() {
        return perTokenS == 0 && perSessionS == 0;
    }

    public String describe() {
        return isConstant() ? "constant " + Text.ms(fixedS) + " per batch"
                : Text.ms(fixedS) + " + " + Text.ms(perTokenS) + " per token + " + Text.ms(perSessionS) + " per session";
    }

    private static void nonNegative(String flag, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigSpecException(flag + " = " + v + " s: allowed a finite duration >= 0");
        }
    }
}
