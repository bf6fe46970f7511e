package org.configspec.core.model;

/** How a client's rounds use its time: one after the other, or drafting the next round while a verify is in flight. */
public enum RoundSchedule {
    /** Draft K tokens, send them, wait for the answer (the paper's round): K / r_d + T_v. */
    SEQUENTIAL,
    /**
     * Greedy pipelining as {@code configspec run --pipeline} does it (serve's EdgeClient and Drafter.ahead): while the
     * verify is in flight the client drafts the next round after its own guess of the verifier's token; the round
     * time is {@link AnalyticModel#pipelinedRoundSeconds}.
     */
    PIPELINED
}
