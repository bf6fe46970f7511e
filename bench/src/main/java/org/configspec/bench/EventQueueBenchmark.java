package org.configspec.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.configspec.sim.event.EventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of the simulator's event queue (sim/src/main/java/org/configspec/sim/event/EventQueue.java: a
 * binary heap over primitive arrays) against the naive baseline, a {@link PriorityQueue} of boxed event records with
 * the same (time, sequence) order. The "hold" workload of discrete-event simulation: {@code pending} events queued
 * (one per simulated client); each operation removes the earliest and schedules its successor a random 0–1 s later.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class EventQueueBenchmark {
    static final int OPS = 100_000;

    /** A boxed event as a straightforward simulator would keep it. */
    record Event(double time, long seq, int payload) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Param({"10000"})
    int pending;

    EventQueue heap;
    PriorityQueue<Event> boxed;
    SplittableRandom rng;
    long seq;

    @Setup(Level.Iteration)
    public void setUp() {
        rng = new SplittableRandom(1);
        heap = new EventQueue(pending);
        boxed = new PriorityQueue<>(pending);
        for (int i = 0; i < pending; i++) {
            double t = rng.nextDouble();
            heap.add(t, i);
            boxed.add(new Event(t, seq++, i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public double primitiveHeap() {
        EventQueue q = heap;
        double last = 0;
        for (int i = 0; i < OPS; i++) {
            last = q.peekTime();
            int p = q.peekPayload();
            q.poll();
            q.add(last + rng.nextDouble(), p);
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public double boxedPriorityQueue() {
        PriorityQueue<Event> q = boxed;
        double last = 0;
        for (int i = 0; i < OPS; i++) {
            Event e = q.poll();
            last = e.time();
            q.add(new Event(last + rng.nextDouble(), seq++, e.payload()));
        }
        return last;
    }
}
