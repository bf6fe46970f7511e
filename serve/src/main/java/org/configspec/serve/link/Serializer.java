package org.configspec.serve.link;

/**
 * The bottleneck of one direction, shared by every connection of a link: chunks are serialised one after another in
 * the order they arrive (FIFO), each taking {@code bytes·8 / rate}. Equivalent to a token bucket whose depth is one
 * chunk: an idle link gives no burst credit. Pure arithmetic over nanosecond timestamps; thread-safe.
 */
final class Serializer {
    private final Bandwidth bandwidth;
    private long freeAt = Long.MIN_VALUE;

    Serializer(Bandwidth bandwidth) {
        this.bandwidth = bandwidth;
    }

    /** Reserves the link for {@code bytes} arriving at {@code arrivalNanos}; returns when the last bit has left. */
    synchronized long reserve(long arrivalNanos, int bytes) {
        if (bandwidth.unlimited()) {
            return arrivalNanos;
        }
        long start = freeAt == Long.MIN_VALUE ? arrivalNanos : Math.max(arrivalNanos, freeAt);
        freeAt = start + bandwidth.serialisationNanos(bytes);
        return freeAt;
    }

    Bandwidth bandwidth() {
        return bandwidth;
    }
}
