package org.configspec.serve.link;

import java.util.SplittableRandom;

/**
 * The timing model of one direction of one connection: a pure function of arrival times and chunk sizes (plus its
 * seeded random streams), so tests can check it exactly without sockets or clocks. Not thread-safe: one reader
 * thread owns it.
 *
 * <p>A chunk of n bytes arriving at t leaves at {@code depart = max(serialised(t, n), blocked) + stalls} and is
 * released at {@code max(previous release, depart + delay + U[0, jitter])}, where
 * <ul>
 *   <li>{@code serialised} is when the shared {@link Serializer} has sent its last bit (t when unlimited);</li>
 *   <li>the stream is cut into 1460-byte segments (a 1500-byte MTU's MSS) by byte offset, independent of how the
 *       bytes happened to be chunked; each segment that starts in this chunk draws "lost" with probability
 *       {@code loss}, and segment number s (1-based) is a periodic stall when s is a multiple of {@code stallEvery};
 *       a chunk with any lost segment waits {@code lossStall} once, with any periodic stall {@code stall} once;</li>
 *   <li>{@code blocked} is the departure of the last stalled chunk: a stall stops the direction of this connection
 *       (as an RTO stops a TCP sender), so the bytes behind it leave no earlier and stalls in a burst add up rather
 *       than overlap;</li>
 *   <li>the max with the previous release keeps byte order: jitter never lets a chunk overtake the one ahead of it,
 *       as TCP's in-order delivery (head-of-line blocking) does.</li>
 * </ul>
 * Loss and jitter draw from two separate streams, so the loss decisions depend only on the seed and the byte count.
 * A chunk's delay is the direction's, or that of the last scheduled change ({@link DelayChange}) whose time since
 * the link's start it arrived at or after.
 */
final class DirectionModel {
    /** Segment size for loss and periodic stalls: the MSS of a 1500-byte MTU. */
    static final int SEGMENT = 1460;

    private final DirectionSpec spec;
    private final Serializer serializer;
    private final SplittableRandom lossRandom;
    private final SplittableRandom jitterRandom;
    private long offset;
    private long lastRelease = Long.MIN_VALUE;
    private long blockedUntil = Long.MIN_VALUE;
    private final long[] changeAt; // nanoTime instants of the scheduled changes, ascending
    private final long[] changeDelay;

    DirectionModel(DirectionSpec spec, Serializer serializer, long seed) {
        this(spec, serializer, seed, 0, new long[0], new long[0]);
    }

    /**
     * @param startNanos  the link's start ({@link System#nanoTime()})
     * @param afterNanos  offsets of the changes from the start, ascending
     * @param delayNanos  this direction's delay from each change on
     */
    DirectionModel(DirectionSpec spec, Serializer serializer, long seed, long startNanos, long[] afterNanos,
                   long[] delayNanos) {
        this.spec = spec;
        this.changeAt = new long[afterNanos.length];
        for (int i = 0; i < afterNanos.length; i++) {
            changeAt[i] = startNanos + afterNanos[i];
        }
        this.changeDelay = delayNanos.clone();
        this.serializer = serializer;
        SplittableRandom root = new SplittableRandom(seed);
        this.lossRandom = root.split();
        this.jitterRandom = root.split();
    }

    /** Schedules {@code bytes} (> 0) arriving at {@code arrivalNanos}. */
    Scheduled schedule(long arrivalNanos, int bytes) {
        long depart = Math.max(serializer.reserve(arrivalNanos, bytes), blockedUntil);
        int lost = 0;
        int stalled = 0;
        long firstSegment = (offset + SEGMENT - 1) / SEGMENT;
        long lastSegment = (offset + bytes - 1) / SEGMENT;
        for (long s = firstSegment; s <= lastSegment; s++) {
            if (spec.loss() > 0 && lossRandom.nextDouble() < spec.loss()) {
                lost++;
            }
            if (spec.stallEvery() > 0 && (s + 1) % spec.stallEvery() == 0) {
                stalled++;
            }
        }
        offset += bytes;
        if (lost > 0) {
            depart += spec.lossStall().toNanos();
        }
        if (stalled > 0) {
            depart += spec.stall().toNanos();
        }
        if (lost > 0 || stalled > 0) {
            blockedUntil = depart;
        }
        return new Scheduled(order(depart + delayAt(arrivalNanos) + jitter()), lost, stalled);
    }

    /** Schedules the end of the stream (FIN): after the delay and after every byte before it. */
    long scheduleEnd(long arrivalNanos) {
        return order(Math.max(serializer.reserve(arrivalNanos, 0), blockedUntil) + delayAt(arrivalNanos));
    }

    /** The one-way delay of a chunk arriving at {@code arrivalNanos}: the last change due by then, else the spec's. */
    long delayAt(long arrivalNanos) {
        long d = spec.delay().toNanos();
        for (int i = 0; i < changeAt.length && arrivalNanos - changeAt[i] >= 0; i++) {
            d = changeDelay[i];
        }
        return d;
    }

    private long jitter() {
        long j = spec.jitter().toNanos();
        return j == 0 ? 0 : jitterRandom.nextLong(j + 1);
    }

    private long order(long release) {
        if (lastRelease != Long.MIN_VALUE && release < lastRelease) {
            release = lastRelease;
        }
        lastRelease = release;
        return release;
    }
}
