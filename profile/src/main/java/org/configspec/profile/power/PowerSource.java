package org.configspec.profile.power;

/**
 * The hardware seam of a sampled meter: the instantaneous power now (W), summed over the rails named in {@link
 * #info()}. Implementations read sysfs, run a command or compute an estimate; they throw {@link
 * org.configspec.core.error.ConfigSpecException} naming the file or command when a reading fails.
 */
public interface PowerSource extends AutoCloseable {
    MeterInfo info();

    double readWatts();

    @Override
    default void close() {
    }
}
