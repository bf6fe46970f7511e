package org.configspec.core.validation;

/**
 * One (RTT, K) cell: measured and predicted.
 *
 * @param rttMs                   emulated round trip (2 × one-way delay), ms
 * @param k                       draft tokens per round
 * @param rounds                  verified rounds measured (n)
 * @param measuredTokensPerRound  committed tokens per round, mean over the rounds
 * @param predictedTokensPerRound E(K) of the acceptance model
 * @param measuredGoodput         committed tokens per second of generation wall time (mean over prompts)
 * @param predictedGoodput        E(K) / (K / r_d + T_v(K))
 * @param measuredRoundTripMs     mean verify round trip seen by the client, ms
 * @param predictedVerifyMs       T_v(K) of the fit, ms
 * @param iidFallback             true when E(K) came from the i.i.d. fallback (the stored curve does not cover K)
 * @param measuredTokensPerUsd    committed tokens / Σ rounds K·p_out/10^6 (paper billing)
 * @param predictedTokensPerUsd   E(K) / (K·p_out/10^6)
 * @param measuredJoulesPerToken  P_d × measured drafting seconds / committed tokens, NaN without a stored P_d
 * @param predictedJoulesPerToken P_d·(K/r_d)/E(K), NaN without a stored P_d
 */
public record ValidationPoint(double rttMs, int k, int rounds, double measuredTokensPerRound,
                              double predictedTokensPerRound, double measuredGoodput, double predictedGoodput,
                              double measuredRoundTripMs, double predictedVerifyMs, boolean iidFallback,
                              double measuredTokensPerUsd, double predictedTokensPerUsd, double measuredJoulesPerToken,
                              double predictedJoulesPerToken) {

    /** (predicted − measured) / measured goodput. */
    public double goodputError() {
        return (predictedGoodput - measuredGoodput) / measuredGoodput;
    }

    public double tokensPerRoundError() {
        return (predictedTokensPerRound - measuredTokensPerRound) / measuredTokensPerRound;
    }

    public double tokensPerUsdError() {
        return (predictedTokensPerUsd - measuredTokensPerUsd) / measuredTokensPerUsd;
    }

    /** NaN where the energy is unknown. */
    public double joulesPerTokenError() {
        return (predictedJoulesPerToken - measuredJoulesPerToken) / measuredJoulesPerToken;
    }
}
