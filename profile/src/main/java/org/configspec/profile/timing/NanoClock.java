package org.configspec.profile.timing;

/** A monotonic clock in nanoseconds: the seam between a measuring harness and the machine's timer. */
@FunctionalInterface
public interface NanoClock {
    long nanoTime();

    /** {@link System#nanoTime()}. */
    static NanoClock system() {
        return System::nanoTime;
    }
}
