package org.configspec.core.space;

/**
 * The analytic model's prediction for one configuration (candidate × K).
 *
 * @param alpha          α(K), mean fraction of drafted tokens accepted
 * @param tokensPerRound E(K) = E[L] + 1, tokens committed per round
 * @param draftS         seconds drafting per round: K / r_d; with pipelined rounds the expected decoding time per round,
 *                       the tokens drafted ahead included ({@code AnalyticModel.pipelinedDraftSeconds})
 * @param verifyS        T_v(K), seconds per round waiting for verification
 * @param goodput        tokens/s
 * @param usdPerRound    US dollars billed per round
 * @param tokensPerUsd   committed tokens per US dollar
 * @param joulesPerToken edge energy per committed token in J; NaN where power is unknown
 * @param fit            whether the draft fits the device's memory
 */
public record Evaluation(Candidate candidate, int k, double alpha, double tokensPerRound, double draftS, double verifyS,
                         double goodput, double usdPerRound, double tokensPerUsd, double joulesPerToken, Fit fit) {
    public Configuration configuration() {
        return new Configuration(target(), device(), draft(), quant(), k);
    }

    /** US dollars per million committed tokens. */
    public double usdPerMTok() {
        return 1e6 / tokensPerUsd;
    }

    public boolean energyKnown() {
        return !Double.isNaN(joulesPerToken);
    }

    public String target() {
        return candidate.target().name();
    }

    public String device() {
        return candidate.device().name();
    }

    public String draft() {
        return candidate.draft().name();
    }

    public String quant() {
        return candidate.draft().quant();
    }
}
