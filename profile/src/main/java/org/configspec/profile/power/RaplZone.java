package org.configspec.profile.power;

import java.nio.file.Path;
import java.util.Objects;

/** One powercap RAPL zone: its directory name ({@code intel-rapl:0}), {@code name} file and wrap-around point (µJ). */
public record RaplZone(String id, String name, Path energyFile, long maxEnergyRangeMicrojoules) {
    public RaplZone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(energyFile, "energyFile");
        if (maxEnergyRangeMicrojoules <= 0) {
            throw new IllegalArgumentException("RAPL zone " + id + " max_energy_range_uj must be > 0 µJ, got "
                    + maxEnergyRangeMicrojoules + " µJ");
        }
    }

    /** Energy (µJ) between two counter readings, unfolding one wrap-around when the counter decreased. */
    public long delta(long before, long after) {
        return after >= before ? after - before : after + maxEnergyRangeMicrojoules - before;
    }
}
