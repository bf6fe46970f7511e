package org.configspec.core.model;

/**
 * The analytic model of DESIGN.md §3 as pure functions over plain numbers. E is tokens committed per round
 * (E[L] + 1), K the draft length, r the draft speed in tokens/s.
 */
public final class AnalyticModel {
    private AnalyticModel() {
    }

    /** Seconds the device spends drafting K tokens. */
    public static double draftSeconds(int k, double r) {
        return k / r;
    }

    /** Goodput G(K) = E(K) / (K / r_d + T_v) in tokens/s. */
    public static double goodput(double e, int k, double r, double tVerifyS) {
        return e / (k / r + tVerifyS);
    }

    /** Tokens per US dollar = E(K) / (dollars billed per round). */
    public static double tokensPerUsd(double e, double usdPerRound) {
        return e / usdPerRound;
    }

    /**
     * Edge energy per committed token in J: (P_d · K / r_d + extra) / E(K), where extra is any energy per round
     * beyond drafting (waiting, radio).
     */
    public static double joulesPerToken(double powerW, int k, double r, double e, double extraJPerRound) {
        return (powerW * k / r + extraJPerRound) / e;
    }
}
