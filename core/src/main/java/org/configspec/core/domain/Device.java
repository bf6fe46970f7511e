package org.configspec.core.domain;

import org.configspec.core.error.Check;

/**
 * An edge device that runs the draft model.
 *
 * @param name        the device name as users write it ("RPi 5")
 * @param memoryBytes memory available to the draft model in bytes, or 0 where unknown
 * @param idlePowerW  power while idle (waiting for the cloud) in W, or NaN where unknown
 * @param note        where the figures come from
 */
public record Device(String name, long memoryBytes, double idlePowerW, String note) {
    public Device {
        Check.name("device.name", name);
        if (memoryBytes < 0) {
            throw new org.configspec.core.error.ConfigSpecException(
                    "device '" + name + "': memoryBytes must be >= 0, got " + memoryBytes);
        }
        if (!Double.isNaN(idlePowerW)) {
            Check.nonNegative("device '" + name + "': idlePowerW", idlePowerW);
        }
        note = note == null ? "" : note;
    }

    public boolean memoryKnown() {
        return memoryBytes > 0;
    }
}
