package org.configspec.sim;

import java.time.Duration;
import org.configspec.core.error.ConfigSpecException;

/**
 * How a verifier forms batches, as serve's decode loop does (serve/src/main/java/org/configspec/serve/verifier/
 * DecodeLoop.java): it takes the first queued verify, then more until the batch holds min(maxBatch, open sessions)
 * verifies, waiting at most maxWait after the first for them; a lone session never waits.
 */
public record Batching(int maxBatch, double maxWaitS) {
    public Batching {
        if (maxBatch < 1 || maxBatch > 4096) {
            throw new ConfigSpecException("--max-batch = " + maxBatch + ": allowed 1..4096");
        }
        if (!(maxWaitS >= 0) || maxWaitS > 10) {
            throw new ConfigSpecException("--max-wait = " + maxWaitS + " s: allowed 0..10 s");
        }
    }

    /** serve's defaults (serve/src/main/java/org/configspec/serve/verifier/VerifierConfig.java): batch 8, wait 5 ms. */
    public static Batching serveDefaults() {
        return new Batching(8, 0.005);
    }

    public static Batching of(int maxBatch, Duration maxWait) {
        return new Batching(maxBatch, maxWait.toNanos() / 1e9);
    }
}
