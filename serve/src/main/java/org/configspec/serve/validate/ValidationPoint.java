package org.configspec.serve.validate;

/**
 * One (RTT, K) cell: measured and predicted.
 *
 * @param rttMs                  emulated round trip (2 × one-way delay), ms
 * @param k                      draft tokens per round
 * @param rounds                 verified rounds measured (n)
 * @param measuredTokensPerRound committed tokens per round, mean over the rounds
 * @param predictedTokensPerRound E(K) of the i.i.d. acceptance fit
 * @param measuredGoodput        committed tokens per second of generation wall time (mean over prompts)
 * @param predictedGoodput       E(K) / (K / r_d + T_v(K))
 * @param measuredRoundTripMs    mean verify round trip seen by the client, ms
 * @param predictedVerifyMs      T_v(K) of the fit, ms
 */
public record ValidationPoint(double rttMs, int k, int rounds, double measuredTokensPerRound,
                              double predictedTokensPerRound, double measuredGoodput, double predictedGoodput,
                              double measuredRoundTripMs, double predictedVerifyMs) {

    /** (predicted − measured) / measured goodput. */
    public double goodputError() {
        return (predictedGoodput - measuredGoodput) / measuredGoodput;
    }

    public double tokensPerRoundError() {
        return (predictedTokensPerRound - measuredTokensPerRound) / measuredTokensPerRound;
    }
}
