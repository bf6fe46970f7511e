package org.configspec.serve.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code configspec run} reports after the text: the K policy and the run summary, the tokens each billing regime
 * would bill, and the edge energy where a meter measured it.
 *
 * @param policy  the K policy's name
 * @param summary the run's rounds, tokens, goodput, bytes
 * @param billed  the billed tokens of the run under each regime
 * @param energy  the edge energy over the generation, or null without a meter
 */
public record RunReport(String policy, RunSummary summary, BilledTokens billed, EdgeEnergy energy) {
    public RunReport {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(billed, "billed");
    }

    /** The summary lines, one per figure group, without a trailing newline. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("policy " + policy + "; " + summary.describe());
        l.add(billed.describe());
        if (energy != null) {
            l.add(energy.describe(summary.tokens()));
        }
        return l;
    }
}
