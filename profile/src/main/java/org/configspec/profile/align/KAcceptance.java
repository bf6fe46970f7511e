package org.configspec.profile.align;

import java.util.List;
import org.configspec.core.error.Check;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.stats.Interval;
import org.configspec.core.stats.Measured;

/**
 * Acceptance at one K, over the profiled prompts. Headline figures are averaged per prompt first (mean over the
 * prompt's rounds), then over prompts: mean, std (sample, n − 1), min, max over prompts, n = prompts with at least
 * one counted round. The pooled figures weight every round equally.
 *
 * @param k                      drafted tokens per round
 * @param alpha                  α(K) = mean L/K [fraction], over prompts, with the 95 % interval of the prompt-mean α
 *                               (bootstrap percentile over prompts)
 * @param alphaPooled            α(K) pooled over all rounds [fraction]
 * @param tokensPerRound         E(K) = mean L + 1 [tokens/round], over prompts, with the 95 % interval of the
 *                               prompt-mean E(K) (bootstrap percentile over prompts)
 * @param tokensPerRoundPooled   E(K) pooled over all rounds [tokens/round]
 * @param survival               P(L ≥ i), i = 1..K, pooled over rounds [fraction]
 * @param survivalIntervals      Wilson 95 % interval of each P(L ≥ i) (rounds treated as independent)
 * @param survivalByPrompt       P(L ≥ i), i = 1..K, per prompt then mean over prompts [fraction]
 * @param acceptedLengthCounts   rounds with L = 0..K [rounds]
 * @param prompts                prompts with at least one counted round
 * @param rounds                 counted rounds, all prompts
 * @param expectedAlpha          sampling mode: expected α(K) from β (mean over round starts per prompt, then over
 *                               prompts), or null in greedy-only profiles
 * @param expectedBounds         sampling mode: bounds on the expected α(K), E(K) and P(L ≥ i) (a point when the
 *                               target's distributions are known in full), or null in greedy-only profiles
 */
public record KAcceptance(int k, Measured alpha, double alphaPooled, Measured tokensPerRound, double tokensPerRoundPooled, double[] survival,
                          List<Interval> survivalIntervals, double[] survivalByPrompt, long[] acceptedLengthCounts,
                          int prompts, long rounds, Measured expectedAlpha,
                          ExpectedBounds expectedBounds) {
    public KAcceptance {
        Check.atLeast("K", k, 1);
        Check.present("alpha at K=" + k, alpha);
        Check.probability("alpha at K=" + k, alpha.value());
        survival = survival.clone();
        survivalByPrompt = survivalByPrompt.clone();
        acceptedLengthCounts = acceptedLengthCounts.clone();
        survivalIntervals = List.copyOf(survivalIntervals);
        if (survival.length != k || survivalByPrompt.length != k || survivalIntervals.size() != k
                || acceptedLengthCounts.length != k + 1) {
            throw new org.configspec.core.error.ConfigSpecException("acceptance at K=" + k
                    + ": per-position arrays must have K entries and the length counts K + 1");
        }
    }

    /** Unit of {@link #tokensPerRound()}. */
    public static final String TOKENS_PER_ROUND = "tokens/round";

    /** The 95 % interval of the prompt-mean α. */
    public Interval alphaInterval() {
        return alpha.interval();
    }

    /** The 95 % interval of the prompt-mean E(K). */
    public Interval tokensPerRoundInterval() {
        return tokensPerRound.interval();
    }

    @Override
    public double[] survival() {
        return survival.clone();
    }

    @Override
    public double[] survivalByPrompt() {
        return survivalByPrompt.clone();
    }

    @Override
    public long[] acceptedLengthCounts() {
        return acceptedLengthCounts.clone();
    }
}
