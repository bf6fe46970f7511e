package org.configspec.profile.power;

/**
 * A power meter: {@link #start()} opens a measurement window, {@link Window#stop()} closes it and returns the
 * energy integrated over exactly that window. Use try-with-resources for the meter; the window may be used the
 * same way and {@code stop()} called inside the block.
 */
public interface PowerMeter extends AutoCloseable {
    MeterInfo info();

    Window start();

    @Override
    default void close() {
    }

    /** One open measurement window. */
    interface Window extends AutoCloseable {
        /** Ends the window (idempotent: later calls return the same result). */
        WindowEnergy stop();

        @Override
        default void close() {
            stop();
        }
    }
}
