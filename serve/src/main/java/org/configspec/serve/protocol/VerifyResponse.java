package org.configspec.serve.protocol;

/**
 * Answer to a verify.
 *
 * @param accepted leading drafted tokens accepted (0..K)
 * @param token    the target's token after them (bonus when all K were accepted, else the correction)
 * @param position new committed length (request position + accepted + 1)
 * @param timings  where the server spent the time
 */
public record VerifyResponse(int accepted, int token, int position, Timings timings) {
    public VerifyResponse {
        if (accepted < 0 || token < 0 || position < 1 || timings == null) {
            throw new IllegalArgumentException("bad verify response: accepted " + accepted + ", token " + token
                    + ", position " + position);
        }
    }

    /**
     * @param queueMs   milliseconds from arrival to the start of the batch's decode
     * @param decodeMs  milliseconds of the batch's llama decode and acceptance
     * @param batchSize verify requests (sessions) decoded in that batch
     */
    public record Timings(double queueMs, double decodeMs, int batchSize) {
    }
}
