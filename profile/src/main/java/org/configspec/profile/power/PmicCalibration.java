package org.configspec.profile.power;

/**
 * Board calibration of the Raspberry Pi 5 PMIC sum: reported W = gain × Σ(V·I) + offset W. The PMIC rails miss the
 * conversion losses and the 5 V peripherals, so Σ(V·I) reads below a wall meter. The default is the identity
 * (1.0, 0.0 W). {@link #PITOP_EXAMPLE} is a published calibration (pitop's "estimated total wattage",
 * https://pitop.hongjunwu.com/hardware/pi-features/: Σ(V·I) × 1.1451 + 0.5879 W); calibrate your own board against
 * a USB-C meter for real numbers.
 */
public record PmicCalibration(double gain, double offsetWatts) {
    public static final PmicCalibration IDENTITY = new PmicCalibration(1.0, 0.0);
    public static final PmicCalibration PITOP_EXAMPLE = new PmicCalibration(1.1451, 0.5879);

    public PmicCalibration {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new org.configspec.core.error.ConfigSpecException("PMIC calibration gain must be > 0, got " + gain);
        }
        if (!Double.isFinite(offsetWatts)) {
            throw new org.configspec.core.error.ConfigSpecException("PMIC calibration offset must be finite, got " + offsetWatts + " W");
        }
    }

    public double apply(double sumWatts) {
        return gain * sumWatts + offsetWatts;
    }
}
