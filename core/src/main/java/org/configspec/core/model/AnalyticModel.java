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
 *   <li>Pipelined rounds ({@link RoundSchedule#PIPELINED}): the round time {@link #pipelinedRoundSeconds} replaces
 *       K / r_d + T_v and the drafting time {@link #pipelinedDraftSeconds} replaces K / r_d in the energy; E(K) and
 *       the billing (K drafted tokens per verify) are unchanged.</li>
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

    /**
     * Decodes a pipelined client makes while the verify of a round of K is in flight (serve's Drafter.ahead): it
     * decodes the K-th drafted token (whose logits give its guess of the verifier's token), then one token after the
     * guess per decode, up to K, and looks for the answer only between decodes. So it starts every decode that begins
     * before the answer: a = min(K + 1, ⌈T_v·r_d⌉), and 0 when the answer is already there (T_v = 0). An answer within
     * 10⁻⁹ decodes of a decode's end counts as there (so that T_v·r_d = 3 in floating point gives 3, not 4).
     */
    public static int aheadDecodes(int k, double r, double tVerifyS) {
        double decodes = tVerifyS * r;
        if (decodes >= k + 1) {
            return k + 1;
        }
        return decodes <= 1e-9 ? 0 : (int) Math.ceil(decodes - 1e-9);
    }

    /**
     * Expected seconds of a pipelined round of K, with q = P(all K accepted and the guess of token K + 1 holds)
     * ({@code AcceptanceCurve.guessHolds}) and a = {@link #aheadDecodes}. The round is sent, the answer is taken when
     * it has come and the decode in progress has finished, max(T_v, a / r_d), and the next round's K tokens are then
     * drafted: from scratch (K decodes) when the guess failed or the whole draft was not accepted; otherwise the a
     * decodes made ahead count and K + 1 − a remain (the ahead draft is completed, serve's Drafter.resume):
     * <pre>T_round = max(T_v, a / r_d) + (1 − q)·K / r_d + q·(K + 1 − a) / r_d</pre>
     * With a = 0 (T_v = 0) nothing is drafted ahead: K / r_d + T_v. The steady state of a run of fixed K: every
     * round's drafting depends on the round before it, and their outcomes are independent. When T_v·r_d is not an
     * integer and a ≤ K, the round loses the unfinished decode, a / r_d − T_v, when the guess fails, so even q = 0 is
     * slower than {@code K / r_d + T_v} by that much.
     */
    public static double pipelinedRoundSeconds(int k, double r, double tVerifyS, double q) {
        int a = aheadDecodes(k, r, tVerifyS);
        if (a == 0) {
            return k / r + tVerifyS;
        }
        return Math.max(tVerifyS, a / r) + nextDraftSeconds(k, r, a, q);
    }

    /** Expected seconds a pipelined round spends drafting before it is sent: (1 − q)·K / r_d + q·(K + 1 − a) / r_d. */
    public static double nextDraftSeconds(int k, double r, int aheadDecodes, double q) {
        return aheadDecodes == 0 ? k / r : ((1 - q) * k + q * (k + 1 - aheadDecodes)) / r;
    }

    /**
     * Expected seconds a pipelined round of K keeps the draft decoding, what its drafting energy pays for: the a
     * decodes ahead (kept or dropped) plus the next round's drafting, (a + (1 − q)·K + q·(K + 1 − a)) / r_d.
     */
    public static double pipelinedDraftSeconds(int k, double r, double tVerifyS, double q) {
        int a = aheadDecodes(k, r, tVerifyS);
        return a / r + nextDraftSeconds(k, r, a, q);
    }

    /** Seconds per pipelined round the device waits idle for the answer: max(0, T_v − a / r_d). */
    public static double pipelinedWaitSeconds(int k, double r, double tVerifyS) {
        return Math.max(0, tVerifyS - aheadDecodes(k, r, tVerifyS) / r);
    }

    /** Goodput E(K) / round time in tokens/s, for any round time (the sequential one is {@link #goodput}). */
    public static double goodputOfRound(double e, double roundS) {
        return e / roundS;
    }

    /** Edge energy per committed token in J for a round that drafts for {@code draftS} seconds: (P_d·draftS + extra) / E(K). */
    public static double joulesPerTokenOfRound(double powerW, double draftS, double e, double extraJPerRound) {
        return (powerW * draftS + extraJPerRound) / e;
    }
}
