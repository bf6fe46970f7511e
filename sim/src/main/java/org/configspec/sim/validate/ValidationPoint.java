package org.configspec.sim.validate;

/**
 * One validation point: {@code clients} real edge clients at round trip {@code rttMs}, and the simulator fed by what
 * they measured.
 *
 * @param realGoodput      mean over clients of the client's steady goodput: committed tokens / (drafting + round trip
 *                         seconds) over its rounds after the first (which also creates the session), tok/s
 * @param simGoodput       the simulator's mean goodput per client, tok/s
 * @param oracleGoodput    the same with the calibration's shape scaled to the decode time the real verifier had at
 *                         this point's mean batch (a diagnostic: what is left is the simulator's own error)
 * @param realQueueMs      the verifier's mean wait of a verify from arrival to its batch's decode, ms
 * @param simQueueMs       the simulator's mean queueing delay, ms
 * @param oracleQueueMs    the same with the scaled service time, ms
 * @param netMs            median of the simulator's lognormal RTT, ms, fitted to each verify's time outside the
 *                         verifier (wall time of the call minus the queueing and decode the answer reports: the
 *                         emulated RTT plus HTTP, JSON and loopback) so that its mean is theirs
 * @param netSigma         standard deviation of the logs of those times; the sigma of the simulator's RTT
 * @param draftTokPerS     measured draft speed (drafted tokens / drafting seconds, all clients)
 * @param realTokPerRound  measured committed tokens per full-K round
 * @param simTokPerRound   simulated committed tokens per round
 * @param realBatch        mean sessions per batch at the verifier
 * @param simBatch         mean sessions per batch in the simulation
 * @param realDecodeMs     the verifier's mean decode time per batch, ms
 * @param fittedDecodeMs   the calibration's service time at the real mean batch, ms (one pass, no slots)
 * @param simDecodeMs      the simulator's mean service time per batch, ms (its batches, their slots' passes and
 *                         padding included)
 * @param rounds           real verify rounds
 */
public record ValidationPoint(int clients, double rttMs, double realGoodput, double simGoodput, double oracleGoodput,
                              double realQueueMs, double simQueueMs, double oracleQueueMs, double netMs,
                              double netSigma, double draftTokPerS, double realTokPerRound, double simTokPerRound, double realBatch, double simBatch, double realDecodeMs,
                              double fittedDecodeMs, double simDecodeMs, long rounds) {
    /** Absolute slack below which a queueing delay counts as matched: scheduling noise on a loaded machine. */
    public static final double QUEUE_SLACK_MS = 1;

    /** (simulated − real) / real goodput. */
    public double goodputError() {
        return (simGoodput - realGoodput) / realGoodput;
    }

    /** (simulated with the scaled service time − real) / real goodput. */
    public double oracleGoodputError() {
        return (oracleGoodput - realGoodput) / realGoodput;
    }

    /** (simulated − real) / real mean queueing delay. */
    public double queueError() {
        return (simQueueMs - realQueueMs) / realQueueMs;
    }

    /** Within 20 % of the real mean queueing delay, or within {@link #QUEUE_SLACK_MS} of it. */
    public boolean queueMatched() {
        return matched(simQueueMs);
    }

    public boolean oracleQueueMatched() {
        return matched(oracleQueueMs);
    }

    private boolean matched(double simulatedMs) {
        return Math.abs(simulatedMs - realQueueMs) <= Math.max(QUEUE_SLACK_MS, 0.2 * realQueueMs);
    }
}
