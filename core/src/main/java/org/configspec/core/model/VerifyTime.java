package org.configspec.core.model;

import org.configspec.core.error.Check;

/**
 * Verification time per round, T_v(K) = RTT + fixed + perToken·(K + 1) seconds: the network round trip, a fixed
 * per-call overhead, and the target's cost per verified position (K drafted tokens plus the bonus position).
 * The paper's model is {@code paper(0.5)}: a constant T_v.
 */
public record VerifyTime(double rttS, double fixedS, double perTokenS) {
    public VerifyTime {
        Check.nonNegative("--rtt (seconds)", rttS);
        Check.nonNegative("--t-verify (seconds)", fixedS);
        Check.nonNegative("--verify-per-token (seconds)", perTokenS);
    }

    public static VerifyTime constant(double tVerifyS) {
        return new VerifyTime(0, tVerifyS, 0);
    }

    /** T_v(K) in seconds. */
    public double seconds(int k) {
        return rttS + computeSeconds(k);
    }

    /** The part of T_v spent computing on the target (what a self-hosted GPU is busy for), in seconds. */
    public double computeSeconds(int k) {
        return fixedS + perTokenS * (k + 1);
    }

    public boolean isConstant() {
        return perTokenS == 0;
    }
}
