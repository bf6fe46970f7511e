package org.configspec.profile.power;

/** One Raspberry Pi 5 PMIC rail with both a current (A) and a voltage (V) reading. */
public record PmicRail(String name, double amps, double volts) {
    public double watts() {
        return amps * volts;
    }
}
