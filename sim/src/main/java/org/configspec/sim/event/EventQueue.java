package org.configspec.sim.event;

/**
 * A priority queue of events keyed by time, as parallel primitive arrays (a binary min-heap): no object per event.
 * An event is a time in seconds and an int payload (what happens to whom; the simulation encodes it). Events at the
 * same time leave in the order they were scheduled (a sequence number breaks ties), so a run is deterministic.
 */
public final class EventQueue {
    private double[] times;
    private long[] seqs;
    private int[] payloads;
    private int size;
    private long nextSeq;

    public EventQueue(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        times = new double[c];
        seqs = new long[c];
        payloads = new int[c];
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
            int c = times.length * 2;
            times = java.util.Arrays.copyOf(times, c);
            seqs = java.util.Arrays.copyOf(seqs, c);
            payloads = java.util.Arrays.copyOf(payloads, c);
        }
        long seq = nextSeq++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        payloads[i] = payload;
    }

    /** Time of the earliest event; the queue must not be empty. */
    public double peekTime() {
        return times[0];
    }

    /** Payload of the earliest event; the queue must not be empty. */
    public int peekPayload() {
        return payloads[0];
    }

    /** Removes the earliest event (read it first with {@link #peekTime()} and {@link #peekPayload()}). */
    public void poll() {
        int last = --size;
        if (last == 0) {
            return;
        }
        double t = times[last];
        long s = seqs[last];
        int p = payloads[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && less(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!less(times[child], seqs[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        times[i] = t;
        seqs[i] = s;
        payloads[i] = p;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        payloads[to] = payloads[from];
    }

    private static boolean less(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
