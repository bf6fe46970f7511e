package org.configspec.profile.timing;

/**
 * How a measurement repeats: {@code warmup} untimed runs first, then {@code reps} timed ones.
 *
 * @param warmup untimed warm-up repetitions, 0..100000
 * @param reps   timed repetitions, 1..100000
 */
public record Repetitions(int warmup, int reps) {
    public Repetitions {
        if (warmup < 0 || warmup > 100_000) {
            throw new IllegalArgumentException("warm-up repetitions = " + warmup + ": allowed 0..100000");
        }
        if (reps < 1 || reps > 100_000) {
            throw new IllegalArgumentException("timed repetitions = " + reps + ": allowed 1..100000");
        }
    }
}
