package org.configspec.profile.power;

import java.util.Objects;
import java.util.function.LongSupplier;

/** A meter over a cumulative energy counter: reads the counter and the clock at exactly the two window edges. */
public final class CounterPowerMeter implements PowerMeter {
    private final EnergyCounter counter;
    private final LongSupplier nanos;

    public CounterPowerMeter(EnergyCounter counter, LongSupplier nanos) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
    }

    @Override
    public MeterInfo info() {
        return counter.info();
    }

    @Override
    public Window start() {
        long t0 = nanos.getAsLong();
        double e0 = counter.joules();
        return new Window() {
            private WindowEnergy result;

            @Override
            public synchronized WindowEnergy stop() {
                if (result == null) {
                    double e1 = counter.joules();
                    long t1 = nanos.getAsLong();
                    result = new WindowEnergy((t1 - t0) / 1e9, e1 - e0, 2);
                }
                return result;
            }
        };
    }

    @Override
    public void close() {
        counter.close();
    }
}
