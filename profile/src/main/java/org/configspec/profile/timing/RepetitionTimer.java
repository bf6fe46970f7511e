package org.configspec.profile.timing;

import java.util.Objects;

/**
 * The one warm-up/repetition loop of the measuring harnesses: runs a body {@code warmup + reps} times and keeps the
 * durations the body timed during the {@code reps} timed repetitions. A body may time several series per repetition
 * (e.g. K = 1..K_max in turn, so that a slow phase of a shared machine falls on every series alike); each series is
 * timed exactly once per repetition. Untimed work (rolling the KV cache back, opening a power window) goes in the body
 * around {@link Repetition#time}. Not thread-safe; one run at a time.
 */
public final class RepetitionTimer {
    /** One repetition of the body. */
    @FunctionalInterface
    public interface Body {
        void repetition(Repetition r);
    }

    private final NanoClock clock;
    private final Repetitions plan;

    public RepetitionTimer(NanoClock clock, Repetitions plan) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** On {@link System#nanoTime()}. */
    public static RepetitionTimer of(int warmup, int reps) {
        return new RepetitionTimer(NanoClock.system(), new Repetitions(warmup, reps));
    }

    public Repetitions plan() {
        return plan;
    }

    /** One series: {@code setup} untimed, then {@code action} timed, in every repetition. */
    public Samples run(Runnable setup, Runnable action) {
        return run(1, r -> {
            setup.run();
            r.time(0, action);
        });
    }

    /** Runs {@code body} for every repetition; it must time each of the {@code series} series once per repetition. */
    public Samples run(int series, Body body) {
        if (series < 1) {
            throw new IllegalArgumentException("series = " + series + ": allowed at least 1");
        }
        long[][] nanos = new long[series][plan.reps()];
        for (int i = -plan.warmup(); i < plan.reps(); i++) {
            Repetition r = new Repetition(i, series);
            body.repetition(r);
            for (int s = 0; s < series; s++) {
                if (!r.done[s]) {
                    throw new IllegalStateException("repetition " + i + " did not time series " + s);
                }
                if (i >= 0) {
                    nanos[s][i] = r.nanos[s];
                }
            }
        }
        return new Samples(nanos);
    }

    /** The repetition under way: its index (negative during warm-up) and the stopwatch of its series. */
    public final class Repetition {
        private final int index;
        private final long[] nanos;
        private final boolean[] done;

        private Repetition(int index, int series) {
            this.index = index;
            this.nanos = new long[series];
            this.done = new boolean[series];
        }

        /** -warmup..-1 during warm-up, then 0..reps-1. */
        public int index() {
            return index;
        }

        /** Whether this repetition's durations are kept. */
        public boolean timed() {
            return index >= 0;
        }

        /** Runs {@code action} between two clock readings and returns the duration [ns]. */
        public long time(int series, Runnable action) {
            if (series < 0 || series >= nanos.length) {
                throw new IllegalArgumentException("series " + series + " out of range 0.." + (nanos.length - 1));
            }
            if (done[series]) {
                throw new IllegalStateException("repetition " + index + " timed series " + series + " twice");
            }
            long t0 = clock.nanoTime();
            action.run();
            long dt = clock.nanoTime() - t0;
            nanos[series] = dt;
            done[series] = true;
            return dt;
        }
    }
}
