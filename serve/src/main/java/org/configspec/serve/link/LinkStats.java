package org.configspec.serve.link;

/**
 * A snapshot of a link's counters.
 *
 * @param accepted client connections accepted so far
 * @param open     connections open now
 * @param aborted  connections closed on an error (a reset, an unreachable upstream) rather than by both ends
 */
public record LinkStats(DirectionStats uplink, DirectionStats downlink, long accepted, int open, long aborted) {
    /** One line for humans: "link: 3 connections (1 open, 0 aborted); up: ...; down: ...". */
    public String line() {
        return "link: " + accepted + " connections (" + open + " open, " + aborted + " aborted); up: " + uplink.line()
                + "; down: " + downlink.line();
    }
}
