package org.configspec.profile.power;

import java.util.Objects;

/**
 * One run of {@code configspec profile power}: the meter's kind, the idle baseline (window length s, mean W), what
 * ran during the measured window, the measurement itself, and the auto selection (null for an explicit meter).
 */
public record PowerReport(String meterKind, double idleSeconds, String load, EnergyMeasurement measurement,
        AutoSelection selection) {
    public PowerReport {
        Objects.requireNonNull(meterKind, "meterKind");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(measurement, "measurement");
    }
}
