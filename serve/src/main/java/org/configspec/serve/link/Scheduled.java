package org.configspec.serve.link;

/**
 * When a chunk is delivered and why.
 *
 * @param releaseNanos   the {@link System#nanoTime()} instant the chunk is written to the far side
 * @param lostSegments   segments of this chunk hit by loss (the chunk then waits one loss stall)
 * @param stallSegments  segments of this chunk hit by the periodic stall (the chunk then waits one stall)
 */
record Scheduled(long releaseNanos, int lostSegments, int stallSegments) {
}
