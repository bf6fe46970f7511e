package org.configspec.profile.power;

import java.util.List;
import org.configspec.core.error.ConfigSpecException;

/** A constant power (W) given by the user: not a measurement; energy is that power times the window. */
public final class ConstantSource implements PowerSource {
    private final double watts;
    private final MeterInfo info;

    public ConstantSource(double watts) {
        if (!(watts >= 0) || !Double.isFinite(watts)) {
            throw new ConfigSpecException("--watts must be >= 0 W for --meter constant, got " + watts + " W");
        }
        this.watts = watts;
        this.info = new MeterInfo("constant", "constant " + watts + " W as given by the user (not measured)", List.of(),
                true, "given by the user, not measured; net energy above idle is 0 J by construction");
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public double readWatts() {
        return watts;
    }
}
