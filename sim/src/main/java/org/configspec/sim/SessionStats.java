package org.configspec.sim;

/**
 * Sessions of a run with a {@link Workload} other than the steady one.
 *
 * @param opened       sessions opened (prefill queued or decoding)
 * @param completed    sessions that generated their tokens and closed
 * @param rejected     Poisson arrivals turned away because --clients sessions were open
 * @param prefillWaitS seconds from a session's arrival to its first round (prefill round trip, queueing, service)
 * @param meanContext  mean context length (prompt + committed tokens) at a verify
 */
public record SessionStats(long opened, long completed, long rejected, Summary prefillWaitS, double meanContext) {
}
