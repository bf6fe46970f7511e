package org.configspec.core.model;

import org.configspec.core.error.Check;

/**
 * Verification time per round, T_v(K) = RTT + fixed + perToken·(K + 1) + perContextToken·context seconds: the network
 * round trip, a fixed per-call overhead, the target's cost per verified position (K drafted tokens plus the bonus
 * position) and, where the engine re-processes the context every round, its cost per context token at the
 * evaluated context length. The paper's model is {@code paper(0.5)}: a constant T_v. A measured T_v (a stored
 * verify-time profile, fitted by {@link VerifyTimeFit}) names its source.
 *
 * @param rttS             network round trip [s]
 * @param fixedS           fixed part of the target's time per round [s]
 * @param perTokenS        target time per verified position [s/token]
 * @param perContextTokenS target time per context token, 0 where the engine caches the context [s/token]
 * @param contextTokens    the context length T_v is evaluated at [tokens]
 * @param source           where the figures come from ("" = given on the command line)
 */
public record VerifyTime(double rttS, double fixedS, double perTokenS, double perContextTokenS, int contextTokens,
                         String source) {
    public VerifyTime {
        Check.nonNegative("--rtt (seconds)", rttS);
        Check.nonNegative("--t-verify (seconds)", fixedS);
        Check.nonNegative("--verify-per-token (seconds)", perTokenS);
        Check.nonNegative("verify time per context token (seconds)", perContextTokenS);
        Check.atLeast("--context-tokens", contextTokens, 0);
        source = source == null ? "" : source;
    }

    /** Given on the command line: no context term. */
    public VerifyTime(double rttS, double fixedS, double perTokenS) {
        this(rttS, fixedS, perTokenS, 0, 0, "");
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
        return fixedS + perTokenS * (k + 1) + perContextTokenS * contextTokens;
    }

    public boolean isConstant() {
        return perTokenS == 0 && perContextTokenS == 0;
    }

    /** True when the figures come from a measurement (a stored verify-time profile), not the command line. */
    public boolean isMeasured() {
        return !source.isEmpty();
    }

    /** The same T_v with another fixed part (a sweep over T_v). */
    public VerifyTime withFixed(double s) {
        return new VerifyTime(rttS, s, perTokenS, perContextTokenS, contextTokens, source);
    }

    /** The same T_v evaluated at another context length. */
    public VerifyTime atContext(int tokens) {
        return new VerifyTime(rttS, fixedS, perTokenS, perContextTokenS, tokens, source);
    }
}
