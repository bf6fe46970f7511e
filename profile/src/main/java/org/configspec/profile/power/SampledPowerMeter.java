package org.configspec.profile.power;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.configspec.core.error.ConfigSpecException;

/**
 * A meter over an instantaneous power source: takes a sample at the window start, one every interval on a
 * background daemon thread, and one at the window end, and integrates them trapezoidally. The energy therefore
 * spans exactly the window, whatever the interval.
 */
public final class SampledPowerMeter implements PowerMeter {
    private final PowerSource source;
    private final Duration interval;
    private final LongSupplier nanos;

    public SampledPowerMeter(PowerSource source, Duration interval, LongSupplier nanos) {
        this.source = Objects.requireNonNull(source, "source");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        if (interval.isNegative() || interval.isZero()) {
            throw new ConfigSpecException("power sampling interval must be > 0 ms, got " + interval.toMillis() + " ms");
        }
    }

    @Override
    public MeterInfo info() {
        return source.info();
    }

    @Override
    public Window start() {
        return new SamplingWindow();
    }

    @Override
    public void close() {
        source.close();
    }

    private final class SamplingWindow implements Window {
        private final List<PowerSample> samples = new ArrayList<>();
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile RuntimeException failure;
        private WindowEnergy result;

        SamplingWindow() {
            sample();
            sampler = new Thread(this::loop, "power-sampler-" + source.info().kind());
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            // read first, then stamp: the reading belongs to the moment it completed
            double watts = source.readWatts();
            long t = nanos.getAsLong();
            synchronized (samples) {
                samples.add(new PowerSample(t, watts));
            }
        }

        private void loop() {
            while (running) {
                try {
                    Thread.sleep(interval.toMillis(), interval.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!running) {
                    return;
                }
                try {
                    sample();
                } catch (RuntimeException e) {
                    if (running) {
                        failure = e; // a reading cut short by stop()'s interrupt is not a failure
                    }
                    return;
                }
            }
        }

        @Override
        public synchronized WindowEnergy stop() {
            if (result != null) {
                return result;
            }
            running = false;
            sampler.interrupt();
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            sample();
            List<PowerSample> copy;
            synchronized (samples) {
                copy = List.copyOf(samples);
            }
            double seconds = (copy.get(copy.size() - 1).nanos() - copy.get(0).nanos()) / 1e9;
            result = WindowEnergy.of(seconds, Trapezoid.joules(copy), copy);
            return result;
        }
    }
}
