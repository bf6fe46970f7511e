package org.configspec.core.model;

/**
 * The analytic model as pure functions over plain numbers. Notation: K draft tokens per round; L accepted draft
 * tokens in a round (0..K); r (r_d) the draft decode speed on the device in tokens/s; P_d the device power while
 * drafting in W; T_v the verification time per round in s.
 * <ul>
 *   <li>Tokens committed per round E(K) = E[L] + 1 (the +1 is the target's bonus or correction token). The paper
 *       writes E[L] = K·α(K), α(K) the mean fraction of the K drafted tokens accepted; a per-token i.i.d. rate a
 *       gives E(K) = (1 − a^(K+1)) / (1 − a); per-position acceptance gives E(K) = 1 + Σ_{i=1..K} P(L ≥ i)
 *       (core/src/main/java/org/configspec/core/acceptance holds the three).</li>
 *   <li>Goodput G(K) = E(K) / (K / r_d + T_v) in tokens/s.</li>
 *   <li>Tokens per $ = E(K) / (dollars billed per round); the paper bills only the K drafted tokens at the output
 *       price per million, E(K)·10⁶ / (K·p_out).</li>
 *   <li>Energy per committed token J = (P_d·K / r_d + extra) / E(K); the paper counts drafting only (extra = 0).</li>
 * </ul>
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
