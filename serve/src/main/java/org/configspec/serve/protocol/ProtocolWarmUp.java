package org.configspec.serve.protocol;

/**
 * Runs the protocol's message code before the first real message, for the JIT: a fresh JVM reads and writes a round's
 * messages interpreted at first (~0.8 ms a round against ~0.1 ms after a thousand), and Jackson's first use costs
 * ~0.15 s (docs/benchmarks.md, "Where a plain round's time goes"). Used by the edge client and the verifier at start.
 */
public final class ProtocolWarmUp {
    private ProtocolWarmUp() {
    }

    /**
     * Writes and reads a session request and its answer {@code sessions} times (Jackson), and a verify request and its
     * answer {@code rounds} times each way ({@link VerifyCodec}); stops at {@code endNanos} (System.nanoTime) whatever
     * it has done.
     */
    public static void run(int rounds, int sessions, long endNanos) {
        int[] draft = {29892, 727, 471, 263};
        byte[] created = Json.write(new SessionResponse("warm-up", 5, 256, 16, 32000));
        for (int i = 0; i < sessions && System.nanoTime() < endNanos; i++) {
            Json.read(Json.write(new SessionRequest(draft, null, null, null, null, (long) i)), SessionRequest.class);
            Json.read(created, SessionResponse.class);
        }
        byte[] answer = VerifyCodec.write(new VerifyResponse(4, 2217, 10, new VerifyResponse.Timings(0.07, 13.2, 1)));
        for (int i = 0; i < rounds && System.nanoTime() < endNanos; i++) {
            VerifyCodec.readRequest(VerifyCodec.write(new VerifyRequest(i + 1, draft, null)));
            VerifyCodec.write(VerifyCodec.readResponse(answer));
        }
    }
}
