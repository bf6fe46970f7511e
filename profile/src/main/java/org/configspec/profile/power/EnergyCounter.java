package org.configspec.profile.power;

/**
 * The hardware seam of a counter-based meter: cumulative energy (J) since the counter was opened, with any
 * hardware wrap-around already unfolded. Read once at each window edge.
 */
public interface EnergyCounter extends AutoCloseable {
    MeterInfo info();

    double joules();

    @Override
    default void close() {
    }
}
