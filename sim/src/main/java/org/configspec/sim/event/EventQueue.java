package org.configspec.sim.event;

import java.util.Arrays;

/**
 * A priority queue of events keyed by time, as two parallel primitive arrays (a 4-ary min-heap): no object per event.
 * An event is a time in seconds and an int payload (what happens to whom; the simulation encodes it). Events at the
 * same time leave in the order they were scheduled: the second array holds (sequence number << 32 | payload), so one
 * long comparison breaks ties. A queue accepts 2^31 events over its life.
 */
public final class EventQueue {
    private static final int ARITY = 4;
    private double[] times;
    private long[] keys;
    private int size;
    private long nextSeq;

    public EventQueue(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        times = new double[c];
        keys = new long[c];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Schedules {@code payload} at {@code time}. */
    public void add(double time, int payload) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        if (nextSeq > Integer.MAX_VALUE) {
            throw new IllegalStateException("more than 2^31 events scheduled on one queue");
        }
        long key = nextSeq++ << 32 | (payload & 0xffffffffL);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            double pt = times[parent];
            if (pt < time || (pt == time && keys[parent] < key)) {
                break;
            }
            times[i] = pt;
            keys[i] = keys[parent];
            i = parent;
        }
        times[i] = time;
        keys[i] = key;
    }

    /** Time of the earliest event; the queue must not be empty. */
    public double peekTime() {
        return times[0];
    }

    /** Payload of the earliest event; the queue must not be empty. */
    public int peekPayload() {
        return (int) keys[0];
    }

    /** Removes the earliest event (read it first with {@link #peekTime()} and {@link #peekPayload()}). */
    public void poll() {
        int last = --size;
        if (last == 0) {
            return;
        }
        double t = times[last];
        long k = keys[last];
        int i = 0;
        while (true) {
            int first = ARITY * i + 1;
            if (first >= last) {
                break;
            }
            int best = first;
            double bt = times[first];
            long bk = keys[first];
            int end = Math.min(first + ARITY, last);
            for (int c = first + 1; c < end; c++) {
                double ct = times[c];
                if (ct < bt || (ct == bt && keys[c] < bk)) {
                    best = c;
                    bt = ct;
                    bk = keys[c];
                }
            }
            if (t < bt || (t == bt && k < bk)) {
                break;
            }
            times[i] = bt;
            keys[i] = bk;
            i = best;
        }
        times[i] = t;
        keys[i] = k;
    }
}
