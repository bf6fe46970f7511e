package org.configspec.serve.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Tokens a run would be billed for under each billing regime of the analytic model (core's AnalyticModel), counted from its
 * verified rounds (local fallback tokens are not billed):
 * <ul>
 *   <li>paper: the K drafted tokens of each round, as output;</li>
 *   <li>predicted-outputs: accepted + bonus + rejected = K + 1 output tokens per round;</li>
 *   <li>logprob-api: per round the context so far as cached input, the K drafted tokens as input and one output token.</li>
 * </ul>
 *
 * @param paperOutput            output tokens under paper billing
 * @param predictedOutput        output tokens under predicted-outputs billing
 * @param logprobCachedInput     cached input tokens under logprob-api billing
 * @param logprobInput           input tokens under logprob-api billing
 * @param logprobOutput          output tokens under logprob-api billing
 */
public record BilledTokens(long paperOutput, long predictedOutput, long logprobCachedInput, long logprobInput,
                           long logprobOutput) {
    /** Counts a run's rounds; {@code promptTokens} is the context before the first round. */
    public static BilledTokens of(List<RoundRecord> rounds, int promptTokens) {
        long paper = 0;
        long predicted = 0;
        long cached = 0;
        long context = promptTokens;
        for (RoundRecord r : rounds) {
            paper += r.k();
            predicted += r.k() + 1L;
            cached += context;
            context += r.committed();
        }
        return new BilledTokens(paper, predicted, cached, paper, rounds.size());
    }

    /** US dollars under paper billing at {@code outputPerMTok} $ per million output tokens. */
    public double paperUsd(double outputPerMTok) {
        return paperOutput * outputPerMTok / 1e6;
    }

    public String describe() {
        return String.format(Locale.ROOT, "billed tokens: paper %d output; predicted-outputs %d output; logprob-api %d cached"
                + " input + %d input + %d output", paperOutput, predictedOutput, logprobCachedInput, logprobInput, logprobOutput);
    }
}
