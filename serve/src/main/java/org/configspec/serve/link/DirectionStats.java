package org.configspec.serve.link;

/**
 * What one direction has delivered so far, summed over all connections of a link. The segment counts depend only on
 * the seed and the bytes sent (reproducible); the chunk counts also on how the kernel happened to split the reads.
 *
 * @param bytes          payload bytes written to the far side
 * @param chunks         chunks (reads) delivered
 * @param lossStalls     chunks that waited a loss stall
 * @param lostSegments   1460-byte segments drawn as lost
 * @param periodicStalls chunks that waited a periodic stall
 * @param stalledSegments segments that hit the periodic stall
 */
public record DirectionStats(long bytes, long chunks, long lossStalls, long lostSegments, long periodicStalls,
                             long stalledSegments) {
    /** Chunks that waited any stall (loss or periodic). */
    public long stalls() {
        return lossStalls + periodicStalls;
    }

    String line() {
        return bytes + " B in " + chunks + " chunks, " + stalls() + " stalls (" + lossStalls + " loss, "
                + lostSegments + " lost segments; " + periodicStalls + " periodic, " + stalledSegments + " stalled segments)";
    }
}
