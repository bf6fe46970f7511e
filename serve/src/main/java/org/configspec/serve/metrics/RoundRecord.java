package org.configspec.serve.metrics;

/**
 * One speculative round as the edge client saw it.
 *
 * @param k                 tokens drafted
 * @param accepted          drafted tokens the verifier accepted (0..k)
 * @param committed         tokens committed by the round (accepted + 1)
 * @param draftSeconds      seconds spent drafting (including catching the draft's KV cache up)
 * @param roundTripSeconds  seconds from sending the verify to its answer (retries included)
 * @param bytesSent         request payload bytes of the round
 * @param bytesReceived     response payload bytes of the round
 * @param batchSize         sessions in the verifier's batch (from the answer's timings)
 * @param verifierSeconds   seconds the verifier reported for the verify, queueing plus decoding (from the answer's
 *                          timings; NaN where unknown): round trip − verifier time is the network's share
 * @param aheadTokens       tokens of this round's draft drafted during the previous round's verify (run --pipeline;
 *                          draftSeconds counts only the drafting done after that answer)
 * @param aheadSeconds      seconds spent drafting for the next round while this round's verify was in flight (inside
 *                          roundTripSeconds; 0 without --pipeline)
 */
public record RoundRecord(int k, int accepted, int committed, double draftSeconds, double roundTripSeconds,
                          long bytesSent, long bytesReceived, int batchSize, double verifierSeconds, int aheadTokens,
                          double aheadSeconds) {
    /** A round of a run that does not draft ahead. */
    public RoundRecord(int k, int accepted, int committed, double draftSeconds, double roundTripSeconds, long bytesSent,
                       long bytesReceived, int batchSize, double verifierSeconds) {
        this(k, accepted, committed, draftSeconds, roundTripSeconds, bytesSent, bytesReceived, batchSize,
                verifierSeconds, 0, 0);
    }

    /** A round whose verifier time is unknown. */
    public RoundRecord(int k, int accepted, int committed, double draftSeconds, double roundTripSeconds, long bytesSent,
                       long bytesReceived, int batchSize) {
        this(k, accepted, committed, draftSeconds, roundTripSeconds, bytesSent, bytesReceived, batchSize, Double.NaN);
    }

    public RoundRecord {
        if (k < 0 || accepted < 0 || accepted > k || committed < 0 || aheadTokens < 0 || aheadTokens > k
                || !(aheadSeconds >= 0)) {
            throw new IllegalArgumentException("round: K " + k + ", accepted " + accepted + ", committed " + committed
                    + ", drafted ahead " + aheadTokens + " in " + aheadSeconds + " s");
        }
    }
}
