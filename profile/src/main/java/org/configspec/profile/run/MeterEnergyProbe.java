package org.configspec.profile.run;

import java.util.OptionalDouble;
import org.configspec.profile.draft.EnergyProbe;
import org.configspec.profile.power.PowerMeter;

/** Drafting measurement's power seam served by a power meter: each timed window is one meter window. */
public final class MeterEnergyProbe implements EnergyProbe {
    private final PowerMeter meter;

    public MeterEnergyProbe(PowerMeter meter) {
        this.meter = meter;
    }

    @Override
    public String method() {
        var info = meter.info();
        return info.kind() + (info.estimate() ? " (ESTIMATE)" : "");
    }

    @Override
    public Window begin(String label) {
        PowerMeter.Window w = meter.start();
        return () -> {
            double j = w.stop().joules();
            return Double.isFinite(j) && j >= 0 ? OptionalDouble.of(j) : OptionalDouble.empty();
        };
    }
}
